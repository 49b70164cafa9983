package org.tockemu.core.exc;

/**
 * Observer of exception activity, for traces and accounting (time in handlers, sleep). Called
 * synchronously from the exception unit; must not change CPU state.
 */
public interface ExceptionListener {
    /** Exception exc was entered at cycle (after its entry cost was charged). */
    default void entered(int exc, long cycle) {}

    /** Exception exc returned at cycle. */
    default void returned(int exc, long cycle) {}

    /** The core slept from fromCycle to toCycle (deep: SCR.SLEEPDEEP was set). */
    default void slept(long fromCycle, long toCycle, boolean deep) {}
}
