# std::thread (regionalize solves independent components in parallel).
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
