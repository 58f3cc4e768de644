package dev.tessera.engine.task;

import java.util.List;

/**
 * Training items from somewhere other than the scene generator, e.g. token shards on disk. A
 * trainer asks for items by position, so step {@code s}'s batch stays a pure function of
 * {@code s} (and a resumed run sees the items an uninterrupted one would); positions past the end
 * wrap around (the next epoch).
 */
public interface TrainingItems {

    /** Items {@code first .. first + count - 1}, wrapping past the end. */
    List<SceneItem> items(long first, int count);

    /** Items in one epoch. */
    long size();

    /** One line naming the source, e.g. the shards' folder and tokenizer. */
    String describe();
}
