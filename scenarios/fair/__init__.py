"""Spring Wind: the city's job fairs, their posts and the job seekers who register, read or generated."""

from scenarios.fair.generate import generate_fair
from scenarios.fair.model import FairScenario, Truth
from scenarios.fair.prepare import FairInputError

__all__ = ["FairInputError", "FairScenario", "Truth", "generate_fair"]
