"""The subcommands of ``labor-transfer`` beyond ``check``, in the order ``--help`` lists them: plan, simulate, sweep,
replan, pack (``whatif.plan_commands``, ``whatif.sim_commands``); ``whatif.cli`` imports this module to register
them."""

from __future__ import annotations

from whatif import plan_commands, sim_commands
from whatif.cli import add_command

add_command("plan", "help.cmd.plan", plan_commands.plan_args, plan_commands.run_plan)
add_command("simulate", "help.cmd.simulate", sim_commands.simulate_args, sim_commands.run_simulate)
add_command("sweep", "help.cmd.sweep", sim_commands.sweep_args, sim_commands.run_sweep)
add_command("replan", "help.cmd.replan", plan_commands.replan_args, plan_commands.run_replan)
add_command("pack", "help.cmd.pack", sim_commands.pack_args, sim_commands.run_pack)
