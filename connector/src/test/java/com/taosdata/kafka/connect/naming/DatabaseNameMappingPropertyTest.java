package com.taosdata.kafka.connect.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.connect.errors.DataException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The topic to database mapping over every legal Kafka topic name: letters, digits, '.', '_' and '-', 1–249 long. */
class DatabaseNameMappingPropertyTest {

    private static final Pattern SUGGESTED_PREFIX = Pattern.compile("connection\\.database\\.prefix=(\\S+)");

    @Provide
    Arbitrary<String> kafkaTopics() {
        return Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(80)
                .filter(t -> !t.equals(".") && !t.equals(".."));
    }

    @Property
    void aTopicMapsToAValidNameOrIsRefusedWithAValidSuggestion(@ForAll("kafkaTopics") String topic) {
        DatabaseNameResolver resolver = new DatabaseNameResolver(null, null);
        String problem = resolver.problem(topic);
        if (problem == null) {
            String database = resolver.resolve(topic);
            assertThat(Identifiers.databaseNameProblem(database)).isNull();
            assertThat(database).isEqualTo(database.toLowerCase()).hasSameSizeAs(topic);
            return;
        }
        assertThatThrownBy(() -> resolver.resolve(topic)).isInstanceOf(DataException.class).hasMessageContaining(topic);
        Matcher suggested = SUGGESTED_PREFIX.matcher(problem);
        if (suggested.find()) {
            assertThat(new DatabaseNameResolver(null, suggested.group(1)).problem(topic)).isNull();
        } else {
            assertThat(problem).contains("connection.database=" + DatabaseNameResolver.SUGGESTED_DATABASE);
            assertThat(Identifiers.databaseNameProblem(DatabaseNameResolver.SUGGESTED_DATABASE)).isNull();
        }
    }

    @Property
    void topicsThatDifferOnlyInDotsHyphensOrCaseCollide(@ForAll("kafkaTopics") String topic) {
        DatabaseNameResolver resolver = new DatabaseNameResolver(null, "kafka_${topic}");
        String twin = topic.replace('.', '-').toUpperCase();
        String database = resolver.mappedName(topic).toLowerCase();
        if (twin.equals(topic) || resolver.problem(topic) != null) {
            return;
        }
        resolver.resolve(topic);
        assertThatThrownBy(() -> resolver.resolve(twin)).isInstanceOf(DataException.class)
                .hasMessageContaining("both map to database " + database);
    }
}
