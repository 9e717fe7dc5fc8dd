package com.taosdata.kafka.connect.cli.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package arrows of the project layout (docs/development.md): each package uses only the packages its arrows
 * point to, those below them, and the modules below its own. As the layout has no cycle, neither have the packages.
 * The CLI depends on every other module, so its tests see all their classes.
 */
class ArchitectureTest {

    private static final String ROOT = "com.taosdata.kafka.connect";

    /**
     * The layout as the documentation draws it, names without {@code com.taosdata.kafka.connect.}: a line ending in
     * {@code /} starts a module, lowest first; below it its packages, each with the packages it uses after the arrow.
     */
    private static final String DRAWING = """
            schemas/
              schemas           → schemas.config
              schemas.config
              schemas.text      → schemas
              schemas.mapping   → schemas.text
              schemas.source    → schemas

            transforms/
              transforms        → transforms.encode, transforms.point, transforms.config
              transforms.encode → transforms.point
              transforms.point  → transforms.config
              transforms.config

            connector/
              sink              → sink.write
              sink.write        → sink.record, sink.row, metrics
              sink.record       → sink.config
              sink.config       → config, sink.row
              sink.row          → sink.table
              sink.table        → connection
              source            → source.query, source.tmq
              source.query      → source.format, source.read, metrics
              source.tmq        → source.format, source.read, metrics
              source.read
              source.format     → source.config
              source.config     → config, source.table
              source.table      → connection
              config            → connection
              connection        → naming
              naming
              metrics

            cli/
              cli               → cli.command
              cli.command       → cli.validate, cli.output
              cli.output        → cli.validate
              cli.validate      → cli.client, cli.config
              cli.client        → cli.error
              cli.config        → cli.error
              cli.error
            """;

    private static final Layout LAYOUT = Layout.parse(DRAWING);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyWhatItsArrowsReachAndTheModulesBelow() {
        return LAYOUT.packages().stream()
                .map(pkg -> dynamicTest(
                        pkg + " → " + LAYOUT.arrows(pkg),
                        () -> rule(pkg, LAYOUT.allowed(pkg)).check(CLASSES)));
    }

    @Test
    void everyPackageIsDrawn() {
        Set<String> packages = CLASSES.stream()
                .map(JavaClass::getPackageName)
                .map(name -> name.substring(ROOT.length() + 1))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(packages)
                .as("the packages of the classes read")
                .hasSizeGreaterThan(30)
                .containsExactlyInAnyOrderElementsOf(LAYOUT.packages());
    }

    @Test
    void theLayoutHasNoCycle() {
        for (String pkg : LAYOUT.packages()) {
            assertThat(LAYOUT.below(pkg)).as("the packages below " + pkg).doesNotContain(pkg);
        }
    }

    @Test
    void aPackageMayUseWhatItsArrowsReachItselfAndTheModulesBelowButNothingBesideOrAbove() {
        Layout layout = Layout.parse("""
                low/
                  low.a
                  low.b

                high/
                  high   → high.x
                  high.x → high.y
                  high.y
                  high.z
                """);

        assertThat(layout.allowed("high")).containsExactlyInAnyOrder("high", "high.x", "high.y", "low.a", "low.b");
        assertThat(layout.allowed("high.y")).containsExactlyInAnyOrder("high.y", "low.a", "low.b");
        assertThat(layout.allowed("low.a")).containsExactly("low.a");
    }

    private static ArchRule rule(String pkg, Set<String> allowed) {
        String[] packages = allowed.stream().map(name -> ROOT + "." + name).toArray(String[]::new);
        return classes()
                .that()
                .resideInAPackage(ROOT + "." + pkg)
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..").or(resideInAnyPackage(packages)))
                .because("the project layout lets " + pkg + " use " + String.join(", ", new TreeSet<>(allowed)));
    }

    /** Modules in order, lowest first, each with its packages; per package, the packages its arrows point to. */
    private record Layout(List<List<String>> modules, Map<String, List<String>> arrows) {

        static Layout parse(String drawing) {
            List<List<String>> modules = new ArrayList<>();
            Map<String, List<String>> arrows = new LinkedHashMap<>();
            for (String line : drawing.strip().split("\n")) {
                String text = line.strip();
                if (text.endsWith("/")) {
                    modules.add(new ArrayList<>());
                } else if (!text.isEmpty()) {
                    String[] sides = text.split("→");
                    String pkg = sides[0].strip();
                    modules.get(modules.size() - 1).add(pkg);
                    arrows.put(
                            pkg,
                            sides.length == 1
                                    ? List.of()
                                    : Stream.of(sides[1].split(","))
                                            .map(String::strip)
                                            .toList());
                }
            }
            arrows.values().stream()
                    .flatMap(List::stream)
                    .forEach(target -> assertThat(arrows)
                            .as("an arrow points to a package that is not drawn")
                            .containsKey(target));
            return new Layout(modules, arrows);
        }

        List<String> packages() {
            return modules.stream().flatMap(List::stream).toList();
        }

        List<String> arrows(String pkg) {
            return arrows.get(pkg);
        }

        /** The packages {@code pkg}'s arrows reach, directly or through others. */
        Set<String> below(String pkg) {
            Set<String> reached = new LinkedHashSet<>();
            Deque<String> next = new ArrayDeque<>(arrows.get(pkg));
            while (!next.isEmpty()) {
                String at = next.pop();
                if (reached.add(at)) {
                    next.addAll(arrows.get(at));
                }
            }
            return reached;
        }

        /** What {@code pkg} may use: itself, what its arrows reach, and every package of the modules below its own. */
        Set<String> allowed(String pkg) {
            Set<String> allowed = new LinkedHashSet<>();
            allowed.add(pkg);
            allowed.addAll(below(pkg));
            for (List<String> module : modules) {
                if (module.contains(pkg)) {
                    break;
                }
                allowed.addAll(module);
            }
            return allowed;
        }
    }
}
