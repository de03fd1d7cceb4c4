"""The policy cycle: start memo, priorities, the integral safety plan, action plans, parties and progress (later issues)."""
