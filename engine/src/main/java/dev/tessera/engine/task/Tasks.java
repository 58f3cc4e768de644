package dev.tessera.engine.task;

import dev.tessera.engine.vocab.SpecialToken;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The tasks a stage may name: Tessera's own ({@value CaptionTask#NAME}, {@value GenerateTask#NAME},
 * {@value AnswerTask#NAME}, the text-only {@value TextTask#NAME}, UniCode's image decompression
 * {@value DecompressTask#NAME}, text-to-image over the GenEval prompt grammar
 * {@value PromptedGenerateTask#NAME}, and ILLUME's image reconstruction {@value RegenerateTask#NAME}
 * and image editing {@value EditTask#NAME}, and its self-assessment dialogues {@value AssessTask#NAME}
 * with their comparison {@value RealPairsTask#NAME}, both over the shipped {@link SelfAssessmentPool}), every Java class on the classpath listed in
 * {@code META-INF/services/dev.tessera.engine.task.Task} (found at start, so a curriculum naming it
 * also runs from the command line), and every task registered in this JVM (a notebook cell's).
 */
public final class Tasks {

    private static final Map<String, Task> REGISTERED = new LinkedHashMap<>();
    /** Control tokens that are not task tags. */
    private static final List<String> STRUCTURE = java.util.Arrays.stream(SpecialToken.values())
            .filter(t -> t != SpecialToken.CAPTION && t != SpecialToken.GENERATE && t != SpecialToken.ASK)
            .map(SpecialToken::text).toList();

    static {
        REGISTERED.put(CaptionTask.NAME, new CaptionTask());
        REGISTERED.put(GenerateTask.NAME, new GenerateTask(GenerateTask.DEFAULT_DROPOUT));
        REGISTERED.put(AnswerTask.NAME, new AnswerTask());
        REGISTERED.put(TextTask.NAME, new TextTask());
        REGISTERED.put(DecompressTask.NAME, new DecompressTask(DecompressTask.DEFAULT_SEGMENT));
        REGISTERED.put(PromptedGenerateTask.NAME, new PromptedGenerateTask(GenerateTask.DEFAULT_DROPOUT,
                PromptedGenerateTask.DEFAULT_CAPTION_SHARE));
        REGISTERED.put(RegenerateTask.NAME, new RegenerateTask());
        REGISTERED.put(EditTask.NAME, new EditTask());
        REGISTERED.put(AssessTask.NAME, new AssessTask());
        REGISTERED.put(RealPairsTask.NAME, new RealPairsTask());
        // tasks shipped as Java classes on the classpath: META-INF/services/dev.tessera.engine.task.Task
        for (Task t : ServiceLoader.load(Task.class, Tasks.class.getClassLoader())) {
            register(t);
        }
    }

    private Tasks() {
    }

    /**
     * Makes {@code task} available by its name; registering the same name again replaces the
     * earlier definition (a notebook cell run twice), except for Tessera's own tasks.
     */
    public static synchronized Task register(Task task) {
        String name = task.name();
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("a task name is 1-32 lower-case letters, digits or '-', starting with a "
                    + "letter, got '" + name + "'");
        }
        if (List.of(CaptionTask.NAME, GenerateTask.NAME, AnswerTask.NAME, TextTask.NAME, DecompressTask.NAME,
                PromptedGenerateTask.NAME, RegenerateTask.NAME, EditTask.NAME, AssessTask.NAME, RealPairsTask.NAME).contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is one of Tessera's own tasks; give yours another name");
        }
        String tag = task.tag();
        if (tag == null || !tag.matches("<[a-z][a-z0-9-]{0,23}>")) {
            throw new IllegalArgumentException("task " + name + ": a tag is written <name> (lower-case letters, digits "
                    + "or '-'), got '" + tag + "'");
        }
        if (STRUCTURE.contains(tag)) {
            throw new IllegalArgumentException("task " + name + ": " + tag + " marks the structure of every sequence and "
                    + "cannot open a task; use " + CaptionTask.TAG + ", " + GenerateTask.TAG + ", " + AnswerTask.TAG
                    + " or a new tag such as <" + name + ">");
        }
        REGISTERED.put(name, task);
        return task;
    }

    /** The task named {@code name}; an unknown name is refused with the list of known ones. */
    public static synchronized Task get(String name) {
        Task t = REGISTERED.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown task '" + name + "': known tasks are " + REGISTERED.keySet()
                    + "; define a new one as a Task and register it with Tasks.register(task) first");
        }
        return t;
    }

    /** Names of every known task, Tessera's own first. */
    public static synchronized List<String> names() {
        return List.copyOf(REGISTERED.keySet());
    }
}
