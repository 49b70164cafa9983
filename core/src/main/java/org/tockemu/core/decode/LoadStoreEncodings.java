package org.tockemu.core.decode;

/** Encoding table for the LoadStore group. STUB: being written. */
public final class LoadStoreEncodings {
    private LoadStoreEncodings() {}

    public static void register(TableBuilder b) {
    }
}
