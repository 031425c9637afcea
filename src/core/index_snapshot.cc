#include "core/index_snapshot.h"

#include <unicode/uversion.h>
#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/index_schema.h"
#include "core/lexicon.h"
#include "core/manual_codec.h"
#include "core/pinyin.h"
#include "core/text_normalizer.h"

namespace dutydesk {

namespace fs = std::filesystem;

namespace {

std::string metadata(const Xapian::Database& db, std::string_view key) {
  return db.get_metadata(std::string(key));
}

// The index must have been analysed the way this build analyses questions.
AnalyzerSettings checkCompatible(const Xapian::Database& db, const fs::path& dbDir) {
  const std::string rebuild =
      "; rebuild it with this version: dutydesk index --db " + dbDir.string() + " CONTENT_DIR";
  const std::string schemaVersion = metadata(db, schema::kMetaSchema);
  if (schemaVersion.empty()) {
    throw IndexError(dbDir.string() + " is a Xapian database but not a dutydesk index" + rebuild);
  }
  if (schemaVersion != schema::kSchemaVersion) {
    throw IndexError("the index in " + dbDir.string() + " has schema version " + schemaVersion +
                     ", this dutydesk reads version " + std::string(schema::kSchemaVersion) +
                     rebuild);
  }
  if (metadata(db, schema::kMetaLexicon) != Lexicon::builtIn().version()) {
    throw IndexError("the index in " + dbDir.string() +
                     " was built with other word lists than this dutydesk's" + rebuild);
  }
  if (metadata(db, schema::kMetaIcu) != U_ICU_VERSION) {
    throw IndexError("the index in " + dbDir.string() + " was segmented with ICU " +
                     metadata(db, schema::kMetaIcu) + ", this dutydesk uses ICU " + U_ICU_VERSION +
                     rebuild);
  }
  const std::string described = metadata(db, schema::kMetaAnalyzer);
  for (bool domain : {true, false}) {
    for (bool subwords : {true, false}) {
      for (bool bigrams : {true, false}) {
        const AnalyzerSettings settings{domain, subwords, bigrams};
        if (settings.describe() == described) return settings;
      }
    }
  }
  throw IndexError("the index in " + dbDir.string() + " uses analyser settings '" + described +
                   "' that this dutydesk does not know" + rebuild);
}

}  // namespace

std::string IndexSnapshot::currentGeneration(const fs::path& dbDir) {
  std::ifstream stub(dbDir / schema::kStubFile);
  std::string backend, target;
  if (stub >> backend >> target) return target;
  return {};
}

std::shared_ptr<const IndexSnapshot> IndexSnapshot::open(const fs::path& dbDir) {
  // A writer may switch generations and delete an older one between our reading the stub and
  // opening what it named: then the stub names a newer one, and we try that.
  for (int attempt = 0;; ++attempt) {
    const std::string generation = currentGeneration(dbDir);
    if (generation.empty()) {
      throw IndexError("no index in " + dbDir.string() + "; build one with: dutydesk index --db " +
                       dbDir.string() + " CONTENT_DIR");
    }
    try {
      return openGeneration(dbDir, generation);
    } catch (const IndexError&) {
      if (attempt >= 2 || currentGeneration(dbDir) == generation) throw;
    }
  }
}

std::shared_ptr<const IndexSnapshot> IndexSnapshot::openGeneration(const fs::path& dbDir,
                                                                   const std::string& generation) {
  std::shared_ptr<IndexSnapshot> snapshot(new IndexSnapshot());
  snapshot->generation_ = generation;
  snapshot->generationPath_ = dbDir / generation;
  try {
    Xapian::Database db(snapshot->generationPath_.string());
    snapshot->settings_ = checkCompatible(db, dbDir);
    std::istringstream ids(metadata(db, schema::kMetaManualIds));
    for (std::string id; std::getline(ids, id);) {
      snapshot->manuals_.push_back(
          decodeManual(metadata(db, std::string(schema::kMetaManualPrefix) + id)));
    }
    for (const Manual& manual : snapshot->manuals_) {
      for (const Clause& clause : manual.clauses) snapshot->clauses_.emplace_back(&manual, &clause);
    }
    if (snapshot->clauses_.size() != db.get_doccount()) {
      throw IndexError("the index in " + dbDir.string() + " is damaged: it has " +
                       std::to_string(db.get_doccount()) + " documents for " +
                       std::to_string(snapshot->clauses_.size()) +
                       " clauses; run `dutydesk index` again");
    }
    for (std::string_view prefix :
         {schema::kPositionName, schema::kHeading, schema::kChapter, schema::kDepartment}) {
      for (auto term = db.allterms_begin(std::string(prefix));
           term != db.allterms_end(std::string(prefix)); ++term) {
        snapshot->fieldTerms_.insert(*term);
      }
    }
    // Unprefixed terms that start with a CJK Unified Ideograph (U+4E00-U+9FFF: lead bytes E4-E9).
    for (char lead = '\xE4'; lead != '\xEA'; ++lead) {
      const std::string from(1, lead);
      for (auto term = db.allterms_begin(from); term != db.allterms_end(from); ++term) {
        const std::string& word = *term;
        if (word.size() < 6) continue;  // one character: too many sound alike
        if (std::string key = pinyinKey(word); !key.empty()) {
          snapshot->wordsBySound_[std::move(key)].push_back(word);
        }
      }
    }
  } catch (const IndexError&) {
    throw;
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open the index in " + dbDir.string() + ": " + e.get_description());
  } catch (const std::runtime_error& e) {
    throw IndexError("cannot read the index in " + dbDir.string() + ": " + e.what());
  }
  // A position answers to its names and to the words people use for them (保安 → 秩序维护员).
  TextNormalizer normalizer;
  const Lexicon& lexicon = Lexicon::builtIn();
  for (const Manual& manual : snapshot->manuals_) {
    for (const Position& position : manual.positions) {
      if (!position.subordinates.empty()) snapshot->leaders_.insert(position.canonical());
    }
  }
  // A name some manual gives a position stands for that position only: a word list's nickname
  // for another job (保洁主管 for 环境主管) must not take it over. So the real names go in
  // first, then the synonyms that are nobody's real name.
  auto& entries = snapshot->positionNames_.entries;
  std::unordered_set<std::string> realNames;
  for (const Manual& manual : snapshot->manuals_) {
    for (const Position& position : manual.positions) {
      const bool leads = snapshot->leaders_.contains(position.canonical());
      for (const std::string& name : position.names) {
        entries.push_back({normalizer.normalize(name).text, position.canonical(), leads});
        realNames.insert(entries.back().name);
      }
    }
  }
  const size_t realCount = entries.size();
  for (size_t i = 0; i < realCount; ++i) {
    for (const std::string& synonym : lexicon.synonymsOf(entries[i].name)) {
      if (!realNames.contains(synonym))
        entries.push_back({synonym, entries[i].canonical, entries[i].leads});
    }
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.name.size() > b.name.size(); });
  return snapshot;
}

const std::vector<std::string>* IndexSnapshot::wordsSounding(const std::string& key) const {
  const auto found = wordsBySound_.find(key);
  return found == wordsBySound_.end() ? nullptr : &found->second;
}

std::pair<const Manual*, const Clause*> IndexSnapshot::clauseOf(unsigned docid) const {
  if (docid == 0 || docid > clauses_.size()) {
    throw IndexError("the index is damaged: document " + std::to_string(docid) +
                     " holds no clause");
  }
  return clauses_[docid - 1];
}

const Manual* IndexSnapshot::findManual(std::string_view id) const {
  for (const Manual& manual : manuals_) {
    if (manual.id == id) return &manual;
  }
  return nullptr;
}

}  // namespace dutydesk
