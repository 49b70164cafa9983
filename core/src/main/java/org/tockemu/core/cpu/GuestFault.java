package org.tockemu.core.cpu;

/**
 * Thrown (preallocated, stackless) when an instruction faults. The details are in
 * {@link Cpu#faultException}, {@link Cpu#faultStatus} and {@link Cpu#faultAddress}. Instructions
 * commit architectural state only after all their accesses succeeded, so catching this at
 * the instruction boundary leaves the precise state of the faulting instruction.
 */
public final class GuestFault extends RuntimeException {
    public static final GuestFault INSTANCE = new GuestFault();

    private GuestFault() { super("guest fault", null, false, false); }
}
