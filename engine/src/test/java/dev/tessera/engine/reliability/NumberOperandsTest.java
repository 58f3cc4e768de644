package dev.tessera.engine.reliability;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No engine class calls DJL's tensor arithmetic with a {@code Number} operand
 * ({@code x.mul(0.5f)}, {@code x.maximum(1f)}, {@code x.clip(0, 1)}, ...): in DJL 0.35.1 such a
 * scalar can be freed before the backward pass reads it ({@code ScalarOperandCheckTest}); the
 * engine builds its constants with {@link dev.tessera.engine.nn.Tensors#scalar} instead.
 * Comparisons and in-place updates take effect at once and keep nothing for autograd, so they
 * stay allowed. Reads the compiled classes' constant pools, so no call can hide from it.
 */
class NumberOperandsTest {

    /** NDArray methods with a Number argument that keep nothing for a backward pass. */
    static final Set<String> ALLOWED = Set.of("eq", "neq", "gt", "gte", "lt", "lte", "addi", "subi", "muli", "divi",
            "set", "setScalar", "full");

    @Test
    void theEngineNeverPassesANumberToDjlTensorArithmetic() throws IOException {
        Path classes = Path.of("target", "classes", "dev", "tessera", "engine");
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    for (String call : numberArithmetic(new DataInputStream(in))) {
                        offending.add(classes.relativize(f) + ": " + call);
                    }
                }
            }
        }
        assertThat(offending).as("use Tensors.scalar(like, value) as the operand instead").isEmpty();
    }

    @Test
    void theScanFindsSuchACall() throws IOException {
        try (InputStream in = NumberOperandsTest.class.getResourceAsStream("NumberOperandsTest$Offender.class")) {
            assertThat(numberArithmetic(new DataInputStream(in))).containsExactly("NDArray.mul(Number)");
        }
    }

    /** A class that makes the call the engine must not make. */
    static final class Offender {
        static ai.djl.ndarray.NDArray half(ai.djl.ndarray.NDArray x) {
            return x.mul(0.5f);
        }
    }

    /** "NDArray.name(Number)" for every method reference of the class that takes a Number and is not allowed. */
    static List<String> numberArithmetic(DataInputStream in) throws IOException {
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Object[] pool = new Object[count];
        int[][] refs = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> refs[i] = new int[] {tag, in.readUnsignedShort()};
                case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {tag, in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String> found = new ArrayList<>();
        for (int[] r : refs) {
            if (r == null || (r[0] != 10 && r[0] != 11)) {
                continue;
            }
            String owner = (String) pool[refs[r[1]][1]];
            int[] nameAndType = refs[r[2]];
            String name = (String) pool[nameAndType[1]];
            String descriptor = (String) pool[nameAndType[2]];
            if (owner.startsWith("ai/djl/") && owner.endsWith("NDArray") && descriptor.contains("Ljava/lang/Number;")
                    && !ALLOWED.contains(name)) {
                found.add(owner.substring(owner.lastIndexOf('/') + 1) + "." + name + "(Number)");
            }
        }
        return found;
    }
}
