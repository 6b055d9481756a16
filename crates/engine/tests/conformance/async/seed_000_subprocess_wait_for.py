# Seed: 000_bd5e8a17decf4a0d.txt, snippet "範例" (single_process / run_all with wait_for).
# The original runs shell commands with asyncio.create_subprocess_shell; here each
# command's run time is replaced by an asyncio.sleep of the same length
# ("sleep 1 && echo hello" -> 1 s, "sleep 1.5" -> 1.5 s, "echo world" -> 0 s,
# "sleep 500" -> 500 s), and proc.communicate() by that sleep.
import asyncio

DURATIONS = {
    "sleep 1 && echo hello": 1,
    "sleep 1.5": 1.5,
    "echo world": 0,
    "sleep 500": 500,
}

async def communicate(cmd):
    await asyncio.sleep(DURATIONS[cmd])

async def single_process(cmd):
    try:
        await asyncio.wait_for(communicate(cmd), timeout=2)
        print(cmd, "complete")
    except asyncio.TimeoutError:
        print(cmd, "timeout")

async def run_all(cmds):
    lt = []
    for cmd in cmds:
        lt.append(single_process(cmd))
    await asyncio.gather(*lt)

if __name__ == "__main__":
    cmds = [
        "sleep 1 && echo hello",
        "sleep 1.5",
        "echo world",
        "sleep 500",
    ]
    asyncio.run(run_all(cmds))
