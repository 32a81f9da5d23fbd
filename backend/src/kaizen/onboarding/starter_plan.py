"""The seed's plan, ready to take in one click: nine growth processes as goals, the three
action items, and a first fortnight sprint at 75% starting today. Content only: taking it is
``flows.take_starter_plan``."""

from kaizen.goals.schemas import GoalCreate

GOALS = [
    GoalCreate(
        title="Write paper explanations and blogs",
        area="writing",
        importance="optional",
        enthusiasm="meh",
        description="Explain papers in writing; blogs must always be as deep as possible.",
    ),
    GoalCreate(
        title="Implement papers",
        area="fundamentals",
        importance="optional",
        enthusiasm="meh",
        description="Implement what you read, from the basics.",
    ),
    GoalCreate(
        title="Get into academic research",
        area="research",
        importance="optional",
        enthusiasm="keen",
        description="Reach out to research orgs and colleges (AI4Bharat and the like). "
        "**This bumps the profile a lot.**",
    ),
    GoalCreate(
        title="Contribute to open source",
        area="open_source",
        importance="optional",
        enthusiasm="cool",
        description="A way to learn any topic enough, and then just contribute.",
    ),
    GoalCreate(
        title="Strengthen core CS/ML/DL",
        area="fundamentals",
        importance="required",
        enthusiasm="okay",
        description="Learn PyTorch and the like a little more; courses, tutorials, advanced ones.",
    ),
    GoalCreate(
        title="Read a lot",
        area="reading",
        importance="optional",
        enthusiasm="keen",
        description="CS books, DL books, papers; fundamentals are the focus.",
    ),
    GoalCreate(
        title="Maintain a portfolio",
        area="writing",
        importance="required",
        enthusiasm="okay",
        description="What would you be proud to work on? Increase the surface area: keep "
        "writing articles until you improve.\n\n> Blogs must always be as deep as possible.",
    ),
    GoalCreate(
        title="DSA",
        area="dsa",
        importance="required",
        enthusiasm="okay",
        description="Data structures and algorithms, steadily.",
    ),
    GoalCreate(
        title="Apply, assess companies and opportunities",
        area="job_search",
        importance="required",
        enthusiasm="keen",
        description="This guides the long-term vision and is very important.",
    ),
]

ACTION_ITEMS = ["No regular smoking up", "Gym every day", "No junk food"]
SPRINT_TITLE = "First fortnight"
SPRINT_THEME = "Aim high, do something cool, small achievable goals"
SPRINT_DAYS = 14
SPRINT_TARGET = 0.75
