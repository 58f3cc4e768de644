/**
 * Drawing engine results as PNG, SVG and HTML MIME bundles; start at {@link dev.tessera.render.Renderers}.
 */
package dev.tessera.render;
