# Seed: 001_e97346f931ba2121.txt, snippet under "使用 asyncio" (five create_task jobs awaited in turn).
import asyncio

async def job(num):
  print(f"Job {num} started")
  await asyncio.sleep(num)
  print(f"Job {num} Ended")

async def main():
  print('Main Started')
  task_1 = asyncio.create_task(job(1))
  task_2 = asyncio.create_task(job(2))
  task_3 = asyncio.create_task(job(3))
  task_4 = asyncio.create_task(job(4))
  task_5 = asyncio.create_task(job(5))
  await task_1
  await task_2
  await task_3
  await task_4
  await task_5
  print('Main Ended')

if __name__ == '__main__':

    asyncio.run(main())
