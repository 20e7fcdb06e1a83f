#include "site/picture_jobs.h"

#include <utility>

#include "base/content_hash.h"

namespace jv::site {

PictureJobs::PictureJobs(WorkerPool* pool, publish::Staging* staging, std::function<void(size_t, size_t)> progress)
    : pool_(pool), staging_(staging), progress_(std::move(progress)) {}

void PictureJobs::Add(std::vector<std::string> paths, Paint paint) {
  Job* job = &jobs_.emplace_back(Job{std::move(paths), std::move(paint), Status(), {}, {}});
  ++planned_;
  pool_->Post([this, job] { Run(job); });
}

// On any thread: writes only to `job` and to the staging folder.
void PictureJobs::Run(Job* job) {
  Result<std::vector<std::string>> painted = job->paint();
  if (painted.ok() && painted->size() != job->paths.size()) {
    painted = Status::Error({}, "painted " + std::to_string(painted->size()) + " pictures instead of " +
                                    std::to_string(job->paths.size()));
  }
  if (!painted.ok()) {
    job->status = painted.status();
  } else if (staging_ == nullptr) {
    job->painted = std::move(*painted);
  } else {  // to disk now, keeping only its record
    for (size_t k = 0; k < job->paths.size() && job->status.ok(); ++k) {
      job->written.push_back({ContentHash((*painted)[k]), (*painted)[k].size()});
      job->status = staging_->Add(job->paths[k], (*painted)[k]);
    }
  }
  if (progress_) progress_(++painted_, planned_);
}

Status PictureJobs::Finish(std::map<std::string, std::string>* files,
                           std::map<std::string, BuildRecord::File>* written) {
  pool_->Drain();
  for (Job& job : jobs_) {
    if (!job.status.ok()) return Status(job.status).WithContext("while painting " + job.paths[0]);
    for (size_t k = 0; k < job.paths.size(); ++k) {
      if (staging_ != nullptr) (*written)[job.paths[k]] = job.written[k];
      else (*files)[job.paths[k]] = std::move(job.painted[k]);
    }
  }
  jobs_.clear();
  return Status();
}

}  // namespace jv::site
