package dev.tessera.render;

import java.util.Map;

/**
 * Draws one kind of result as a MIME bundle (MIME type -> content; binary types base64).
 *
 * @param <T> the result type it draws
 */
public interface Renderer<T> {

    /** The result type handled. */
    Class<T> type();

    /** The bundle, richest first: a notebook shows the richest type it supports. */
    Map<String, String> render(T result);
}
