package com.taosdata.kafka.connect.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages of the modules below form a tree whose arrows point one way: no package reaches itself through
 * the packages it uses. Read from the sources, so a cycle fails the build of the module that depends on them all.
 */
class PackageCyclesTest {

    private static final List<Path> SOURCE_ROOTS = List.of(
            Path.of("..", "schemas", "src", "main", "java"),
            Path.of("..", "transforms", "src", "main", "java"),
            Path.of("..", "connector", "src", "main", "java"),
            Path.of("src", "main", "java"));

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    /** A qualified reference to one of our types, in an import or in code: the package is what precedes the type. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(com\\.taosdata\\.kafka\\.connect(?:\\.[a-z]\\w*)*)"
            + "\\.[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void packagesFormATree() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path root : SOURCE_ROOTS) {
            assertThat(root).as("source root").isDirectory();
            javaFiles(root).forEach(file -> addUses(file, uses));
        }
        assertThat(uses).as("packages read").hasSizeGreaterThan(10);
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            List<String> cycle = pathBack(start, start, uses, new ArrayList<>(), new TreeSet<>());
            if (cycle != null) {
                cycles.add(String.join(" -> ", cycle));
            }
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    @Test
    void theCheckSeesACycle() {
        Map<String, Set<String>> uses = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(pathBack("a", "a", uses, new ArrayList<>(), new TreeSet<>())).containsExactly("a", "b", "c", "a");
        assertThat(pathBack("d", "d", uses, new ArrayList<>(), new TreeSet<>())).isNull();
    }

    /** A path from {@code at} back to {@code start}, or {@code null} when there is none. */
    private static List<String> pathBack(String start, String at, Map<String, Set<String>> uses, List<String> path,
                                         Set<String> visited) {
        path.add(at);
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (visited.add(next)) {
                List<String> found = pathBack(start, next, uses, path, visited);
                if (found != null) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    private static void addUses(Path file, Map<String, Set<String>> uses) {
        String code = COMMENT.matcher(read(file)).replaceAll("");
        Matcher declared = PACKAGE.matcher(code);
        assertThat(declared.find()).as("package of " + file).isTrue();
        String own = declared.group(1);
        Set<String> used = uses.computeIfAbsent(own, p -> new TreeSet<>());
        Matcher reference = REFERENCE.matcher(code.substring(declared.end()));
        while (reference.find()) {
            if (!reference.group(1).equals(own)) {
                used.add(reference.group(1));
            }
        }
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
