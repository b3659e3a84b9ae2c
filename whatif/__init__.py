"""What-if: scenario variants, sweeps, comparisons, re-planning, the meeting pack and the command line."""
