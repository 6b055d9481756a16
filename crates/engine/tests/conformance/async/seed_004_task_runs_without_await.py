# Seed: 004_ba5992cb7ab2e48a.txt, a task that runs although nobody awaits it
# (prints 1..100, sleeping 2 s every 10; main sleeps 60 s).
import asyncio


async def cancel_me():
    print('cancel_me(): sleep')
    for i in range(1, 101):
        print('cancel_me(): print', i)
        if i % 10 == 0:
            await asyncio.sleep(2)


async def main():
    print('main(): running')
    # Create a 'cancel_me' Task
    task = asyncio.create_task(cancel_me())

    # Wait for 60 second
    print('main(): sleep')
    await asyncio.sleep(60)


asyncio.run(main())
