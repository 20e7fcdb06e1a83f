#include "site/file_jobs.h"

#include <utility>

#include "base/content_hash.h"

namespace jv::site {

FileJobs::FileJobs(WorkerPool* pool, publish::Staging* staging, std::function<void(size_t, size_t)> progress)
    : pool_(pool), staging_(staging), progress_(std::move(progress)) {}

void FileJobs::Add(std::vector<std::string> paths, Make make) {
  Job* job = &jobs_.emplace_back(Job{std::move(paths), std::move(make), Status(), {}, {}});
  ++planned_;
  pool_->Post([this, job] { Run(job); });
}

// On any thread: writes only to `job` and to the staging folder.
void FileJobs::Run(Job* job) {
  Result<std::vector<std::string>> made = job->make();
  if (made.ok() && made->size() != job->paths.size()) {
    made = Status::Error({}, "made " + std::to_string(made->size()) + " files instead of " +
                                 std::to_string(job->paths.size()));
  }
  if (!made.ok()) {
    job->status = made.status();
  } else if (staging_ == nullptr) {
    job->made = std::move(*made);
  } else {  // to disk now, keeping only its record
    for (size_t k = 0; k < job->paths.size() && job->status.ok(); ++k) {
      job->written.push_back({ContentHash((*made)[k]), (*made)[k].size()});
      job->status = staging_->Add(job->paths[k], (*made)[k]);
    }
  }
  if (progress_) progress_(++made_, planned_);
}

Status FileJobs::Finish(std::map<std::string, std::string>* files,
                        std::map<std::string, BuildRecord::File>* written) {
  pool_->Drain();
  for (Job& job : jobs_) {
    if (!job.status.ok()) return Status(job.status).WithContext("while making " + job.paths[0]);
    for (size_t k = 0; k < job.paths.size(); ++k) {
      if (staging_ != nullptr) (*written)[job.paths[k]] = job.written[k];
      else (*files)[job.paths[k]] = std::move(job.made[k]);
    }
  }
  jobs_.clear();
  return Status();
}

}  // namespace jv::site
