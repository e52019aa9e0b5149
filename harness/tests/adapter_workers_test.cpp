// Which worker runs an in-tree adapter's variant: the adapter's own when it was built, else the
// command itself (harness/cli/subjects.hpp, adapterWorkers).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "harness/cli/subjects.hpp"

namespace pc::cli {
namespace {

class AdapterWorkers : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("pc-adapter-workers-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void build(const std::string& file) { std::ofstream(dir_ / file) << "#!/bin/sh\n"; }

  std::filesystem::path dir_;
  const std::filesystem::path program_ = "/opt/pc/bin/promise-conformance";
};

TEST_F(AdapterWorkers, AVariantRunsInItsLibrarysOwnWorker) {
  build("worker-boost");
  build("worker-qt");
  const WorkerPrefix prefix = adapterWorkers(program_, dir_);
  EXPECT_EQ(prefix("boost/future"), (std::vector<std::string>{(dir_ / "worker-boost").string(), "--subject"}));
  EXPECT_EQ(prefix("qt/context-thread"), (std::vector<std::string>{(dir_ / "worker-qt").string(), "--subject"}));
}

TEST_F(AdapterWorkers, WithoutItsOwnWorkerAVariantRunsInTheCommand) {
  build("worker-boost");
  const WorkerPrefix prefix = adapterWorkers(program_, dir_);
  EXPECT_EQ(prefix("kj/lazy"), (std::vector<std::string>{program_.string(), "worker", "--subject"}));
  // A folder of that name is not a worker.
  std::filesystem::create_directory(dir_ / "worker-std");
  EXPECT_EQ(prefix("std/async"), (std::vector<std::string>{program_.string(), "worker", "--subject"}));
}

}  // namespace
}  // namespace pc::cli
