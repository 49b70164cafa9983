package org.tockemu.kernel;

/**
 * An entry of a process's task queue (Tock's Task): a function call to run in the process (an
 * upcall with a function pointer, or the kernel's init call), or the return value of an event
 * whose upcall is null (kept for Yield-WaitFor).
 */
public record Task(boolean functionCall, UpcallId id, int arg0, int arg1, int arg2, int arg3, int fn) {
    public static Task call(UpcallId id, int a0, int a1, int a2, int appdata, int fn) { return new Task(true, id, a0, a1, a2, appdata, fn); }

    public static Task returnValue(UpcallId id, int a0, int a1, int a2) { return new Task(false, id, a0, a1, a2, 0, 0); }
}
