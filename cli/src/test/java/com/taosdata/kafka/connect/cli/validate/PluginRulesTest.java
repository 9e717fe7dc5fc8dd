package com.taosdata.kafka.connect.cli.validate;

import static com.taosdata.kafka.connect.cli.validate.FakeConfigs.error;
import static com.taosdata.kafka.connect.cli.validate.FakeConfigs.sink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.taosdata.kafka.connect.cli.fake.FakeTransformation;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

/** One test per rule about SMTs, predicates, converters, placeholders and unknown keys. */
class PluginRulesTest {

    @Test
    void transformAliasWithoutType() {
        assertThat(sink("transforms", "a,b", "transforms.a.type", FakeTransformation.class.getName())
                        .errors())
                .containsExactly(error(
                        "transforms.b.type",
                        "missing: each alias in transforms needs the class of its transformation"));
    }

    @Test
    void duplicateAndEmptyTransformAliases() {
        assertThat(sink("transforms", "a,,a", "transforms.a.type", FakeTransformation.class.getName())
                        .errors())
                .containsExactlyInAnyOrder(
                        error("transforms", "alias 'a' is listed twice"),
                        error("transforms", "has an empty alias in 'a,,a'"));
    }

    @Test
    void smtConfigDefErrorsUnderTheFullKey() {
        assertThat(sink(
                                "transforms",
                                "cast",
                                "transforms.cast.type",
                                "org.apache.kafka.connect.transforms.Cast$Value",
                                "transforms.cast.spec",
                                "voltage:decimal128")
                        .errors())
                .extracting(Finding::key)
                .containsExactly("transforms.cast.spec");
        assertThat(sink(
                                "transforms",
                                "f",
                                "transforms.f.type",
                                FakeTransformation.class.getName(),
                                "transforms.f.mode",
                                "c")
                        .errors())
                .extracting(Finding::key)
                .containsExactly("transforms.f.mode");
    }

    @Test
    void smtConfigureErrors() {
        assertThat(sink(
                                "transforms",
                                "f",
                                "transforms.f.type",
                                FakeTransformation.class.getName(),
                                "transforms.f.b.only",
                                "x")
                        .errors())
                .containsExactly(error("transforms.f.type", "rejects its config: b.only is only allowed with mode=b"));
    }

    @Test
    void multiLineMessagesStayOnOneLine() {
        assertThat(sink(
                                "transforms",
                                "r",
                                "transforms.r.type",
                                "org.apache.kafka.connect.transforms.RegexRouter",
                                "transforms.r.regex",
                                "(",
                                "transforms.r.replacement",
                                "x")
                        .errors())
                .singleElement()
                .satisfies(f -> assertThat(f.key()).isEqualTo("transforms.r.regex"))
                .satisfies(f -> assertThat(f.message()).doesNotContain("\n").endsWith("Unclosed group near index 1 ("));
    }

    @Test
    void ourSmtsConfigIsChecked() {
        String type = "com.taosdata.kafka.connect.transforms.ToLineProtocol$Value";
        assumeTrue(
                FakeConfigs.PLUGINS.load(type, Transformation.class).isPresent(),
                type + " is not built yet; fake SMTs cover this rule meanwhile");
        assertThat(sink(
                                "transforms",
                                "line",
                                "transforms.line.type",
                                type,
                                "transforms.line.measurement",
                                "m",
                                "transforms.line.null.handling",
                                "sometimes")
                        .errors())
                .extracting(Finding::key)
                .containsExactly("transforms.line.null.handling");
    }

    @Test
    void validSmtPasses() {
        assertThat(sink(
                                "transforms",
                                "f",
                                "transforms.f.type",
                                FakeTransformation.class.getName(),
                                "transforms.f.mode",
                                "b",
                                "transforms.f.b.only",
                                "x")
                        .errors())
                .isEmpty();
    }

    @Test
    void unknownThirdPartySmtIsAWarning() {
        Report report = sink("transforms", "x", "transforms.x.type", "io.example.Unknown");
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(Finding::key).containsExactly("transforms.x.type");
    }

    @Test
    void smtTypeThatIsNotATransformation() {
        assertThat(sink("transforms", "x", "transforms.x.type", "java.lang.String")
                        .errors())
                .containsExactly(error(
                        "transforms.x.type",
                        "java.lang.String is not a transformation "
                                + "(does not implement org.apache.kafka.connect.transforms.Transformation)"));
    }

    @Test
    void predicatesAreCheckedLikeTransforms() {
        String matches = "org.apache.kafka.connect.transforms.predicates.TopicNameMatches";
        String cast = "org.apache.kafka.connect.transforms.Cast$Value";
        assertThat(sink(
                                "transforms",
                                "c",
                                "transforms.c.type",
                                cast,
                                "transforms.c.spec",
                                "int32",
                                "transforms.c.predicate",
                                "p")
                        .errors())
                .containsExactly(
                        error("transforms.c.predicate", "refers to predicate 'p', which is not listed in predicates"));
        assertThat(sink("predicates", "p").errors())
                .containsExactly(error(
                        "predicates.p.type", "missing: each alias in predicates needs the class of its predicate"));
        assertThat(sink("predicates", "p", "predicates.p.type", matches, "predicates.p.pattern", "(")
                        .errors())
                .extracting(Finding::key)
                .containsExactly("predicates.p.pattern");
        assertThat(sink(
                                "transforms",
                                "c",
                                "transforms.c.type",
                                cast,
                                "transforms.c.spec",
                                "int32",
                                "transforms.c.predicate",
                                "p",
                                "transforms.c.negate",
                                "yes",
                                "predicates",
                                "p",
                                "predicates.p.type",
                                matches,
                                "predicates.p.pattern",
                                "m.*")
                        .errors())
                .containsExactly(error("transforms.c.negate", "expected true or false, got 'yes'"));
    }

    @Test
    void unknownThirdPartyConverterIsAWarning() {
        Report report = sink("value.converter", "io.confluent.connect.avro.AvroConverter");
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(Finding::key).containsExactly("value.converter");
    }

    @Test
    void workerBuiltInConverterIsFine() {
        Report report = sink("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void bundledConverterConfigIsChecked() {
        assertThat(sink(
                                "value.converter",
                                "org.apache.kafka.connect.json.JsonConverter",
                                "value.converter.schemas.enable",
                                "maybe")
                        .errors())
                .extracting(Finding::key)
                .containsExactly("value.converter.schemas.enable");
        assertThat(sink(
                                "value.converter",
                                "org.apache.kafka.connect.json.JsonConverter",
                                "value.converter.schemas.enable",
                                "false")
                        .errors())
                .isEmpty();
    }

    @Test
    void converterThatIsNotAConverter() {
        assertThat(sink("value.converter", "java.lang.String").errors())
                .containsExactly(error("value.converter", "java.lang.String is not a Converter"));
    }

    @Test
    void placeholdersAreNotedAndNotJudged() {
        Report report = sink("tasks.max", "${env:TASKS}", "fake.url", "${file:/etc/secrets.properties:url}");
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(Finding::key).containsExactly("fake.url", "tasks.max");
        assertThat(report.warnings().get(0).message())
                .isEqualTo("config provider reference: the worker resolves it, so its value is not checked offline");
    }

    @Test
    void unknownKeyIsAWarningWithAGuess() {
        Report report = sink("fake.ulr", "fake://y", "consumer.override.max.poll.records", "10");
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings())
                .containsExactly(error(
                        "fake.ulr",
                        "unknown key: neither the worker nor FakeSinkConnector reads it; did you mean fake.url?"));
    }

    @Test
    void passwordKeysComeFromTheConnectorsConfigDef() {
        assertThat(new OfflineValidator(FakeConfigs.PLUGINS).passwordKeys("FakeSink"))
                .containsExactly("fake.secret");
        assertThat(new OfflineValidator(FakeConfigs.PLUGINS).passwordKeys("com.example.Unknown"))
                .isEmpty();
    }
}
