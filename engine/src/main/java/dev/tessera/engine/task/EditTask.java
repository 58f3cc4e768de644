package dev.tessera.engine.task;

import dev.tessera.engine.edit.SceneEdits;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.SpecialToken;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * Image editing, one of ILLUME's supervised fine-tuning tasks (arXiv 2412.06673): instruction +
 * image -> the edited image, {@code <edit>instruction<boi>before<eoi><boi>after<eoi>}, the loss on
 * the edited image. The instruction and its exact target come from the scene generator
 * ({@link SceneEdits}: recolour, remove, add), so an edit is judged object by object. The
 * instruction comes first so that every position of the edited image sits a fixed 66 places
 * after the same position of the input, whatever the instruction's length: copying the unchanged
 * part is then one fixed look back. With the input first and the instruction between the images,
 * the distance varied with the instruction, and 800 steps of the {@code illume} curriculum's
 * fine-tuning stage edited nothing right (0% of 384 held-out edits). An item whose scene allows
 * no edit (four objects none of which can be named, drawn almost never) trains the one edit that
 * always applies, {@value #KEEP}, whose target is the image itself. A sequence holds two images,
 * so the model needs a context of at least {@code 2 * (image ids + 2) + instruction + 1} (about
 * 150 over a 64-id image).
 */
public final class EditTask implements Task {

    public static final String NAME = "edit";
    public static final String TAG = "<edit>";
    /** The instruction of an item without an edit of its own. */
    public static final String KEEP = "keep it as it is";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String tag() {
        return TAG;
    }

    @Override
    public boolean needsEdits() {
        return true;
    }

    /** The instructions' words, and {@value #KEEP}'s. */
    @Override
    public Set<String> words() {
        Set<String> out = new java.util.TreeSet<>(SceneEdits.words());
        out.addAll(java.util.List.of(KEEP.split(" ")));
        return Set.copyOf(out);
    }

    /** {@code <edit>instruction<boi>before<eoi><boi>}: what the model continues with the edited image. */
    public int[] prompt(TaskSequences sequences, TokenGrid before, String instruction) {
        return sequences.start(this).text(instruction).image(before).control(SpecialToken.BOI).prompt();
    }

    @Override
    public TaskExample example(TaskSequences sequences, SceneItem item, SplittableRandom rng) {
        boolean edited = item.hasEdit();
        String instruction = edited ? item.edited().edit().instruction() : KEEP;
        TokenGrid after = edited ? item.edited().tokens() : item.grid();
        return sequences.start(this).text(instruction).image(item.grid()).control(SpecialToken.BOI).target()
                .imageIds(after).control(SpecialToken.EOI).build();
    }
}
