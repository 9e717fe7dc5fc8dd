package com.taosdata.kafka.connect.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md, docs/*.md and the modules' README.md files leads to an existing file and, when it
 * names one, to an existing heading: moving a section breaks no reader's link without this test saying so.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Map<Path, MarkdownPage> pages = new HashMap<>();

    @Test
    void everyRelativeLinkResolvesToAFileAndAHeading() throws IOException {
        List<Path> files = markdownFiles();
        assertThat(files).as("the pages checked").contains(ROOT.resolve("README.md"), ROOT.resolve("docs/sink.md"));
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            for (String link : page(file).links()) {
                String problem = problem(file, link);
                if (problem != null) {
                    broken.add(ROOT.relativize(file) + ": " + link + ": " + problem);
                }
            }
        }
        assertThat(broken).as("broken relative links").isEmpty();
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertThat(MarkdownPage.slug("Typed writes (`write.method=stmt`)")).isEqualTo("typed-writes-writemethodstmt");
        assertThat(MarkdownPage.slug("`com.taosdata.kafka.connect.transforms.ToLineProtocol$Value`"))
                .isEqualTo("comtaosdatakafkaconnecttransformstolineprotocolvalue");
        assertThat(MarkdownPage.slug("Query mode: offsets and exact resume"))
                .isEqualTo("query-mode-offsets-and-exact-resume");
        assertThat(MarkdownPage.slug("See [the sink](sink.md) twice")).isEqualTo("see-the-sink-twice");
    }

    @Test
    void aRepeatedHeadingGetsANumberedAnchorAndFencedLinesAreNoHeadings() {
        MarkdownPage page =
                MarkdownPage.parse("# Errors\n\n## Errors\n\n```bash\n# not a heading\n```\n[x](#errors-1)\n");
        assertThat(page.anchors()).containsExactly("errors", "errors-1");
        assertThat(page.links()).containsExactly("#errors-1");
    }

    private String problem(Path from, String link) {
        if (link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return null;
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        Path target = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        if (!Files.exists(target)) {
            return "no file " + ROOT.relativize(target);
        }
        if (hash < 0) {
            return null;
        }
        if (!target.toString().endsWith(".md")) {
            return "an anchor into a file that is no Markdown page";
        }
        String anchor = link.substring(hash + 1);
        return page(target).anchors().contains(anchor) ? null : "no heading with anchor #" + anchor;
    }

    private MarkdownPage page(Path file) {
        return pages.computeIfAbsent(file, f -> {
            try {
                return MarkdownPage.parse(Files.readString(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** README.md, docs/*.md, and every module's README.md, leaving out build output and hidden directories. */
    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName().toString();
                boolean buildOrHidden = name.startsWith(".") || name.equals("target") || name.equals("src");
                return !dir.equals(ROOT) && buildOrHidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                boolean docsPage = file.getParent().equals(ROOT.resolve("docs"))
                        && file.toString().endsWith(".md");
                if (docsPage || file.getFileName().toString().equals("README.md")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }
}
