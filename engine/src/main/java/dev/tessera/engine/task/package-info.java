/**
 * Pretraining tasks: how one data item (a generated scene with its exact labels, and its image
 * tokens) becomes one training sequence of the shared vocabulary, with the part the loss is taken
 * on. {@link dev.tessera.engine.task.Task} is the open contract; captioning, text-to-image and
 * question answering are three implementations, and a user's task (a notebook cell, or a Java
 * class listed in {@code META-INF/services}) is registered in {@link dev.tessera.engine.task.Tasks}
 * and trained the same way. {@link dev.tessera.engine.task.TaskSequences} lays sequences out for
 * training and inference alike; {@link dev.tessera.engine.task.TaskMix} weights tasks in a stage.
 * Mixing captioning, generation and answering over one vocabulary follows UniCode (arXiv 2403.09072)
 * and TEAL (arXiv 2311.04589).
 */
package dev.tessera.engine.task;
