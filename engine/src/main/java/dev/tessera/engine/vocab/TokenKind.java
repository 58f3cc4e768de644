package dev.tessera.engine.vocab;

/** What an id of the shared vocabulary stands for. */
public enum TokenKind {
    SPECIAL, TEXT, IMAGE
}
