/**
 * Text-to-image prompts of the scene grammar in GenEval's categories (Ghosh et al., 2023,
 * "GenEval: An object-focused framework for evaluating text-to-image alignment"): single
 * object, two objects, counting, colours, colour attribution and position. A
 * {@link dev.tessera.engine.prompt.ScenePrompt} says exactly what an image must show and checks
 * a list of objects against it, whether the list comes from a scene's exact labels or from the
 * judge; {@link dev.tessera.engine.prompt.ScenePrompts} lists the prompts of a category and draws
 * real scenes that show a prompt.
 */
package dev.tessera.engine.prompt;
