/**
 * Text tokenizers: the text half of the unified model's shared vocabulary (one id space for
 * text, image codes and control tokens). {@link dev.tessera.engine.text.ByteLevelBpe} trains and runs a GPT-2
 * style byte-level BPE in plain Java and saves it as a HuggingFace {@code tokenizer.json};
 * {@link dev.tessera.engine.text.HuggingFaceTextTokenizer} runs any {@code tokenizer.json}
 * through HuggingFace's Rust library, which is also how the Java BPE is checked.
 */
package dev.tessera.engine.text;
