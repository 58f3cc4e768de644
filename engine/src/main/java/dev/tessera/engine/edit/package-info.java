/**
 * Image editing instructions over synthetic scenes with exact targets, as ILLUME's supervised
 * fine-tuning stage trains editing (Wang et al., 2024, "ILLUME: Illuminating your LLMs to see,
 * draw, and self-enhance"): an instruction ("make the circle blue", "remove the square", "add a
 * green triangle at the top left") and the scene it turns a scene into, drawn by the scene
 * generator, so the edited picture and its labels are exact.
 */
package dev.tessera.engine.edit;
