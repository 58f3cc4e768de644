package dev.tessera.engine.task;

/** A question about a scene with its exact answer, and the template it came from. */
public record SceneQuestion(String template, String question, String answer) {
}
