package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.BytesEncoding;
import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;

/**
 * Connect BYTES → a string column holding base64 or hex text. Without an encoding a bytes value is an error:
 * silently writing raw bytes would corrupt the line.
 */
public final class BytesMapping extends TextMapping {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public List<String> registrationKeys() {
        return List.of("BYTES");
    }

    @Override
    void appendText(StringBuilder out, Object value, RenderOptions options) {
        byte[] bytes = toArray(value);
        BytesEncoding encoding = options.bytesEncoding();
        if (encoding == BytesEncoding.BASE64) {
            out.append(Base64.getEncoder().encodeToString(bytes));
        } else if (encoding == BytesEncoding.HEX) {
            for (byte b : bytes) {
                out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        } else {
            throw new UnsupportedValueException("bytes value needs bytes.encoding=base64 or hex");
        }
    }

    private static byte[] toArray(Object value) {
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        ByteBuffer copy = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
