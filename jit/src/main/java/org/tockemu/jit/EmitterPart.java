package org.tockemu.jit;

import org.objectweb.asm.MethodVisitor;

/** A group of instructions the backend emits (MemoryOps, DataOps): the Emitter's helpers and the method being written. */
abstract class EmitterPart {
    final Emitter e;
    final MethodVisitor mv;

    EmitterPart(Emitter e, MethodVisitor mv) {
        this.e = e;
        this.mv = mv;
    }
}
