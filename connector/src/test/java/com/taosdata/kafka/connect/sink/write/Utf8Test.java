package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void countsAsJavasEncoderDoesForOneTwoThreeAndFourByteCharacters() {
        for (String text : new String[] {"", "meters f=1", "caf\u00e9", "\u5317\u4eac", "\ud83d\ude00 smile"}) {
            assertThat(Utf8.length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void agreesWithJavasEncoderOnRandomTextIncludingLoneSurrogates() {
        Random random = new Random(20);
        for (int run = 0; run < 2_000; run++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                // Mostly ASCII, with two-byte, three-byte and surrogate code units mixed in.
                int kind = random.nextInt(5);
                chars[i] = (char)
                        switch (kind) {
                            case 0 -> 0x80 + random.nextInt(0x780);
                            case 1 -> 0x800 + random.nextInt(0xD000 - 0x800);
                            case 2 -> 0xD800 + random.nextInt(0x800);
                            default -> random.nextInt(0x80);
                        };
            }
            String text = new String(chars);
            assertThat(Utf8.length(text))
                    .as("%s", text.codePoints().toArray())
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
