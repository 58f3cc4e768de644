/**
 * Images as planar float RGB, conversions to and from AWT and tensors, and where images come from.
 */
package dev.tessera.engine.image;
