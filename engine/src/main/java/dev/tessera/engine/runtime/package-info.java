/**
 * Starting the tensor engine offline and choosing the device and threads, in one place.
 */
package dev.tessera.engine.runtime;
