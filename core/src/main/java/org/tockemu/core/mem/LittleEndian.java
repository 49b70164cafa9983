package org.tockemu.core.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian views over byte[] backing stores; static final so HotSpot intrinsifies them. */
public final class LittleEndian {
    public static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {}

    public static int get32(byte[] b, int i) { return (int) INT.get(b, i); }
    public static int get16(byte[] b, int i) { return ((short) SHORT.get(b, i)) & 0xFFFF; }
    public static void put32(byte[] b, int i, int v) { INT.set(b, i, v); }
    public static void put16(byte[] b, int i, int v) { SHORT.set(b, i, (short) v); }
}
