/**
 * Drawing engine results as PNG, SVG and HTML MIME bundles; start at {@link dev.tessera.render.Renderers}.
 * Pictures are drawn with Java2D; charts are Lets-Plot specs exported as static SVG by
 * {@link dev.tessera.render.Chart}, so nothing needs JavaScript or the network.
 */
package dev.tessera.render;
