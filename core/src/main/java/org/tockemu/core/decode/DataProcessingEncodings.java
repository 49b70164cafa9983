package org.tockemu.core.decode;

/** Encoding table for the DataProcessing group. STUB: being written. */
public final class DataProcessingEncodings {
    private DataProcessingEncodings() {}

    public static void register(TableBuilder b) {
    }
}
