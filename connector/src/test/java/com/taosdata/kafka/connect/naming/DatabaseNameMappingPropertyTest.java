package com.taosdata.kafka.connect.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.connect.errors.DataException;

/** The topic to database mapping over every legal Kafka topic name: letters, digits, '.', '_' and '-', 1–249 long. */
class DatabaseNameMappingPropertyTest {

    private static final Pattern SUGGESTED_PREFIX = Pattern.compile("connection\\.database\\.prefix=(\\S+)");

    @Provide
    Arbitrary<String> kafkaTopics() {
        return Arbitraries.strings()
                .withChars("abcXYZ019._-")
                .ofMinLength(1)
                .ofMaxLength(80)
                .filter(t -> !t.equals(".") && !t.equals(".."));
    }

    @Property
    void aTopicMapsToAValidNameOrIsRefusedWithAValidSuggestion(@ForAll("kafkaTopics") String topic) {
        DatabaseNameResolver resolver = new DatabaseNameResolver(null, null);
        String problem = resolver.problem(topic);
        Matcher suggested = SUGGESTED_PREFIX.matcher(problem == null ? "" : problem);
        String outcome = problem == null
                ? "mapped"
                : suggested.find() ? "refused, prefix suggested" : "refused, database suggested";
        Statistics.collect(outcome);
        switch (outcome) {
            case "mapped" -> {
                String database = resolver.resolve(topic);
                assertThat(Identifiers.databaseNameProblem(database)).isNull();
                assertThat(database).isEqualTo(database.toLowerCase()).hasSameSizeAs(topic);
            }
            case "refused, prefix suggested" -> {
                assertRefused(resolver, topic);
                assertThat(new DatabaseNameResolver(null, suggested.group(1)).problem(topic))
                        .isNull();
            }
            default -> {
                assertRefused(resolver, topic);
                assertThat(problem).contains("connection.database=" + DatabaseNameResolver.SUGGESTED_DATABASE);
                assertThat(Identifiers.databaseNameProblem(DatabaseNameResolver.SUGGESTED_DATABASE))
                        .isNull();
            }
        }
        Statistics.coverage(coverage -> {
            coverage.check("mapped").percentage(p -> p >= 20);
            coverage.check("refused, prefix suggested").percentage(p -> p >= 5);
            coverage.check("refused, database suggested").count(n -> n >= 1);
        });
    }

    private static void assertRefused(DatabaseNameResolver resolver, String topic) {
        assertThatThrownBy(() -> resolver.resolve(topic))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(topic);
    }

    @Property
    void topicsThatDifferOnlyInDotsHyphensOrCaseCollide(@ForAll("kafkaTopics") String topic) {
        DatabaseNameResolver resolver = new DatabaseNameResolver(null, "kafka_${topic}");
        String twin = topic.replace('.', '-').toUpperCase();
        boolean collides = !twin.equals(topic) && resolver.problem(topic) == null;
        Statistics.collect(collides ? "has a twin" : "no twin or refused");
        if (collides) {
            String database = resolver.mappedName(topic).toLowerCase();
            resolver.resolve(topic);
            assertThatThrownBy(() -> resolver.resolve(twin))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("both map to database " + database);
        }
        Statistics.coverage(coverage -> coverage.check("has a twin").percentage(p -> p >= 50));
    }
}
