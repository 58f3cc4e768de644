/**
 * Files: safe image reading, atomic checkpoint folders, JSON.
 */
package dev.tessera.engine.io;
