package com.taosdata.kafka.connect.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The headings' anchors and the link targets of one Markdown page, outside fenced code blocks. */
final class MarkdownPage {

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

    private final Set<String> anchors;
    private final List<String> links;

    private MarkdownPage(Set<String> anchors, List<String> links) {
        this.anchors = anchors;
        this.links = links;
    }

    static MarkdownPage parse(String text) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        StringBuilder prose = new StringBuilder();
        boolean fenced = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            prose.append(line).append('\n');
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int times = seen.merge(slug, 1, Integer::sum);
                anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
            }
        }
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(prose);
        while (link.find()) {
            links.add(link.group(1));
        }
        return new MarkdownPage(anchors, links);
    }

    /**
     * A heading's anchor as GitHub makes it: the text of links kept, lower case, every character but letters, digits,
     * spaces, hyphens and underscores dropped, spaces turned into hyphens.
     */
    static String slug(String heading) {
        String text = INLINE_LINK.matcher(heading).replaceAll("$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    Set<String> anchors() {
        return anchors;
    }

    List<String> links() {
        return links;
    }
}
