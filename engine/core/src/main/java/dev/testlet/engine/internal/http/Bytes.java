package dev.testlet.engine.internal.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable byte array, without the locking of ByteArrayOutputStream. */
final class Bytes {
    private byte[] data;
    private int size;

    Bytes(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    Bytes put(byte b) {
        ensure(1);
        data[size++] = b;
        return this;
    }

    Bytes put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, data, size, bytes.length);
        size += bytes.length;
        return this;
    }

    Bytes put(ByteBuffer buffer) {
        int n = buffer.remaining();
        ensure(n);
        buffer.get(data, size, n);
        size += n;
        return this;
    }

    /** Writes each char as one byte: ISO-8859-1 for text known to hold nothing beyond U+00FF. */
    Bytes latin1(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            data[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    int size() {
        return size;
    }

    /** A copy of the bytes; the array itself when it holds exactly them (after {@link #reserve}), as nothing writes after. */
    byte[] toByteArray() {
        return size == data.length ? data : Arrays.copyOf(data, size);
    }

    /** Makes room for this many bytes in all, in one array. */
    void reserve(int total) {
        if (total > data.length) {
            data = Arrays.copyOf(data, total);
        }
    }

    ByteBuffer toBuffer() {
        return ByteBuffer.wrap(data, 0, size);
    }

    private void ensure(int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
        }
    }
}
