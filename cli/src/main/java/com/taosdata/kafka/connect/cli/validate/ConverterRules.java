package com.taosdata.kafka.connect.cli.validate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * {@code key.converter}, {@code value.converter}, {@code header.converter}: a class on our class path is
 * configured with its {@code *.converter.*} settings; one of connect-runtime's is fine; anything else is a warning.
 */
final class ConverterRules {

    private static final List<String> KEYS = List.of("key.converter", "value.converter", "header.converter");

    private ConverterRules() {}

    static void check(Map<String, String> config, Plugins plugins, Report report) {
        for (String key : KEYS) {
            String className = config.get(key);
            if (className == null || className.isBlank()) {
                continue;
            }
            className = className.strip();
            Class<?> kind = key.equals("header.converter") ? HeaderConverter.class : Converter.class;
            if (plugins.existsButIsNot(className, kind)) {
                report.error(key, className + " is not a " + kind.getSimpleName());
                continue;
            }
            Optional<? extends Class<?>> loaded = plugins.load(className, kind);
            if (loaded.isEmpty()) {
                if (!plugins.isWorkerBuiltIn(className)) {
                    report.warning(
                            key,
                            className + " is not bundled with tdconnect, so it is not checked offline; "
                                    + "the worker needs it on its plugin.path");
                }
                continue;
            }
            Map<String, String> sub = SubConfig.under(config, key + ".", List.of());
            // The worker tells each converter which role it plays; StringConverter's ConfigDef requires it.
            sub.put("converter.type", key.substring(0, key.indexOf('.')));
            configure(key, loaded.get(), sub, report);
        }
    }

    private static void configure(String key, Class<?> type, Map<String, String> sub, Report report) {
        try {
            Object converter = Plugins.instantiate(type);
            if (converter instanceof HeaderConverter header) {
                if (SubConfig.validate(header.config(), sub, key + ".", report)) {
                    header.configure(sub);
                }
                header.close();
            } else if (converter instanceof Converter value) {
                if (SubConfig.validate(value.config(), sub, key + ".", report)) {
                    value.configure(sub, key.equals("key.converter"));
                }
                value.close();
            }
        } catch (ReflectiveOperationException e) {
            report.error(key, "cannot instantiate " + type.getName() + ": " + SubConfig.describe(e));
        } catch (Exception e) {
            report.error(key, "rejects its config: " + SubConfig.describe(e));
        }
    }
}
