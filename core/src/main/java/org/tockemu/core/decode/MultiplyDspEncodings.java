package org.tockemu.core.decode;

/** Encoding table for the MultiplyDsp group. STUB: being written. */
public final class MultiplyDspEncodings {
    private MultiplyDspEncodings() {}

    public static void register(TableBuilder b) {
    }
}
