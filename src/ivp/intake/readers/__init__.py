"""Readers of plan documents: each turns one file into the stream of `ivp.intake.blocks`."""
