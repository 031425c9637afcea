#include "core/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "core/index_schema.h"
#include "core/lexicon.h"
#include "core/pinyin.h"
#include "core/quantity.h"
#include "core/question.h"
#include "core/snippet.h"
#include "core/utf8.h"

namespace dutydesk {

namespace {

constexpr size_t kClausesPerAnswer = 3;

// Subsections that state how work is measured or what a job requires, not the work itself.
constexpr std::string_view kSecondarySubsections[] = {"考核标准", "工作标准", "任职要求",
                                                      "任职资格", "岗位权限"};
// Clauses that may decide "是 A 还是 B": the best few, not any clause that shares a word.
constexpr size_t kDecidingDepth = 3;
// Candidates fetched for re-ranking with the priors and coverage, at least, and how many of one
// position's clauses Xapian keeps among them: more than a position shows (kClausesPerAnswer),
// so that re-ranking can bring up a clause BM25 put fourth. 4 and 40 measured as well as 5 and
// 60, and better than 3 and 30, on all four question sets, at p99 7.0 rather than 7.8 ms on
// 100,000 clauses (bench_quality, bench_speed, 2026-11-27).
constexpr size_t kRerankDepth = 40;
constexpr size_t kCandidatesPerPosition = 4;
// When a general clause matches best, an answer's best clause must weigh at least this share
// of it.
constexpr double kAnswerFloor = 0.5;
// An answer within this share of the first one's score contends with it. Chosen from ratios
// 1.2, 1.35 and 1.5 and absolute-score rules on the development, spoken and three read held-out
// sets; bench_quality prints how it separates ("close calls"): where no other position scores
// 2/3 of the first, the first is right 92-97 % of the time on the written sets; in a close
// call 54-78 %, and one of the contenders is right 78-100 % (spoken sets: 58-78 %, 28-36 %
// and 65-76 %; the untouched spoken3 agrees with the others).
constexpr double kContenderShare = 2.0 / 3.0;

// A word and its alternatives as one term (OP_SYNONYM). OP_MAX, which keeps each term's own
// weight, measured a little better (development clause@3 0.876 → 0.884), but Debian's Xapian
// 1.4.22 crashes inside get_mset on some OP_MAX queries (with k1 = 0.4, "有人觸電倒地，誰負責
// 斷電？" on the shipped manuals): not worth a server that can fall over.
Xapian::Query alternativesQuery(const std::vector<std::string>& terms) {
  if (terms.size() == 1) return Xapian::Query(terms.front());
  return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

// The word and its alternatives under `prefix`.
std::vector<std::string> prefixed(std::string_view prefix, const QueryWord& word) {
  std::vector<std::string> terms{std::string(prefix) + word.text};
  for (const std::string& alternative : word.alternatives) {
    terms.push_back(std::string(prefix) + alternative);
  }
  return terms;
}

Xapian::Query scaled(double factor, const Xapian::Query& query) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, factor);
}

}  // namespace

class Searcher::Impl {
 public:
  Impl(std::shared_ptr<const IndexSnapshot> snapshot, SearchTuning tuning)
      : snapshot_(std::move(snapshot)),
        db_(snapshot_->generationPath().string()),
        analyzer_(Lexicon::builtIn(), snapshot_->analyzerSettings()),
        tuning_(tuning) {}

  SearchResult search(const SearchRequest& request) {
    SearchResult result = answer(request);
    // Positions listed (a named position's duties, an event's chapter, a reporting line) are
    // the answer as a whole, not rivals.
    if (result.contenders == 0 && !result.answers.empty()) result.contenders = 1;
    return result;
  }

  const std::shared_ptr<const IndexSnapshot>& snapshot() const { return snapshot_; }

 private:
  SearchResult answer(const SearchRequest& request) {
    if (!utf8::isValid(request.query)) throw QueryError("the question is not valid UTF-8");
    if (request.query.size() > kMaxQueryBytes) {
      throw QueryError("the question is too long (at most " + std::to_string(kMaxQueryBytes) +
                       " bytes)");
    }
    if (request.limit == 0 || request.limit > kMaxLimit) {
      throw QueryError("limit must be between 1 and " + std::to_string(kMaxLimit));
    }
    SearchResult result;
    result.snapshot = snapshot_;
    result.query = request.query;
    const Manual* onlyManual = nullptr;
    if (request.manual) {
      onlyManual = snapshot_->findManual(*request.manual);
      if (!onlyManual) throw QueryError("no manual with id '" + *request.manual + "'");
    }
    Question question = analyzeQuestion(request.query, analyzer_, snapshot_->positionNames());
    addSoundAlikes(request.query, question, result.soundAlikes);
    question_ = &question;
    namesTopic_.reset();
    result.events = namedEvents(onlyManual);
    matchTerms_ = {};
    for (const QueryWord& word : question.words) {
      matchTerms_.words.insert(word.text);
      matchTerms_.words.insert(word.alternatives.begin(), word.alternatives.end());
      matchTerms_.bigrams.insert(word.bigrams.begin(), word.bigrams.end());
    }

    const bool asksWho = question.has(Intent::kWho);
    if (question.positions.size() == 1 &&
        (question.has(Intent::kSuperior) || question.has(Intent::kSubordinate))) {
      answerReportingLine(question, onlyManual, request, result);
      // "弱电技工管哪些系统": no one reports to the position, so 管哪些 asked what it looks
      // after, which its clauses answer.
      if (!result.answers.empty()) return result;
    }
    const bool comparesPositions =
        question.positions.size() >= 2 && question.has(Intent::kAlternative);
    const bool aboutPositions = !question.positions.empty() && (!asksWho || comparesPositions);

    std::vector<Xapian::Query> parts;
    wordOfTerm_.clear();
    wordRarity_.clear();
    fallbacks_.clear();
    for (const QueryWord& word : question.words) {
      // 我是前台 says who asks, not what about.
      if ((word.positionName && aboutPositions) || word.namesAsker) continue;
      double weight = word.place ? tuning_.placeWord : 1.0;
      if (word.soundAlike) weight *= tuning_.soundAlikeWord;
      if (word.singleHan && word.alternatives.empty()) weight *= tuning_.loneCharacter;
      wordRarity_.push_back(weight * rarity(word));
      parts.push_back(scaled(weight, wordQuery(word, parts.size(), /*fields=*/!word.positionName)));
    }
    if (aboutPositions && parts.empty()) {
      listDuties(question.positions, onlyManual, request, result);
      return result;
    }
    // What a position does in an event the question names: its steps there, in order.
    if (aboutPositions && !comparesPositions && question.has(Intent::kDuties) && namesTopic()) {
      listDuties(question.positions, onlyManual, request, result, /*askedTopicOnly=*/true);
      if (!result.answers.empty()) return result;
    }
    // "电梯困人了怎么办": an event and nothing more. Its chapter answers, in the order it is
    // written: the key points, then each position's steps, first responder first.
    if (!aboutPositions && question.has(Intent::kDuties) && onlyNamesTopic()) {
      listTopic(onlyManual, request, result);
      if (!result.hits.empty()) return result;
    }
    if (parts.empty()) return result;
    Xapian::Query query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    // The characters of words the index lacks weigh in, but never match alone: "量子力学"
    // must find nothing rather than every clause with 量 or 学.
    if (!fallbacks_.empty()) {
      query =
          Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                        Xapian::Query(Xapian::Query::OP_OR, fallbacks_.begin(), fallbacks_.end()));
    }
    if (aboutPositions) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, positionFilter(question.positions));
    }
    if (onlyManual) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(std::string(schema::kManualTerm) + onlyManual->id));
    }
    runQuery(query, request, /*collapse=*/!aboutPositions, result);
    result.contenders = contenders(result.answers);
    if (comparesPositions) {
      decideBetween(question.positions, request, result);
      if (!result.answers.empty()) result.contenders = 1;  // the comparison decided
    }
    // The question named a position but few of its clauses say more, or it asks what the
    // position does ("巡逻员每天都干啥", where 每天 matches one clause): show the position.
    const bool fewHits = result.hits.size() < kClausesPerAnswer;
    if (aboutPositions && !comparesPositions &&
        (result.hits.empty() || (fewHits && question.has(Intent::kDuties)))) {
      result.answers.clear();
      result.hits.clear();
      result.total = 0;
      result.contenders = 0;
      listDuties(question.positions, onlyManual, request, result);
    }
    return result;
  }

  // The distinct positions among the answers that score close to the first: the same position
  // in two manuals is no rival.
  static size_t contenders(const std::vector<Answer>& answers) {
    std::set<std::string_view> positions;
    for (const Answer& answer : answers) {
      if (answer.score < kContenderShare * answers.front().score) break;
      positions.insert(answer.position->canonical());
    }
    return positions.size();
  }

  // The query for the `index`th word of the question's query. Remembers which word each term
  // stands for, with the share of the word a match on it shows: all of it for the word or an
  // alternative, in any field; half for a bigram or character of it.
  Xapian::Query wordQuery(const QueryWord& word, size_t index, bool fields) {
    const auto note = [&](const std::string& term, double share) {
      auto [entry, inserted] = wordOfTerm_.try_emplace(term, index, share);
      if (!inserted && entry->second.second < share) entry->second = {index, share};
    };
    for (const std::string& term : prefixed("", word)) note(term, 1);
    std::vector<Xapian::Query> parts{alternativesQuery(prefixed("", word))};
    if (tuning_.alternativeTerms > 0 && word.alternatives.size() > 1 &&
        !db_.term_exists(word.text)) {
      const std::vector<Xapian::Query> each(word.alternatives.begin(), word.alternatives.end());
      parts.push_back(scaled(tuning_.alternativeTerms,
                             Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end())));
    }
    if (fields) {
      const std::pair<std::string_view, double> weighted[] = {
          {schema::kPositionName, tuning_.positionField},
          {schema::kHeading, tuning_.headingField},
          {schema::kChapter, tuning_.chapterField},
          {schema::kDepartment, tuning_.departmentField}};
      for (const auto& [prefix, weight] : weighted) {
        std::vector<std::string> terms = prefixed(prefix, word);
        std::erase_if(terms, [&](const std::string& t) { return !snapshot_->hasFieldTerm(t); });
        for (const std::string& term : terms) note(term, 1);
        if (!terms.empty()) parts.push_back(scaled(weight, alternativesQuery(terms)));
      }
    }
    if (tuning_.bigrams > 0 && !word.bigrams.empty()) {
      std::vector<Xapian::Query> bigrams;
      for (const std::string& bigram : word.bigrams) {
        bigrams.emplace_back(std::string(schema::kBigram) + bigram);
        note(std::string(schema::kBigram) + bigram, 0.5);
      }
      parts.push_back(scaled(tuning_.bigrams,
                             Xapian::Query(Xapian::Query::OP_OR, bigrams.begin(), bigrams.end())));
    }
    if (tuning_.bigrams > 0 && word.singleHan) {
      parts.push_back(
          scaled(tuning_.bigrams, Xapian::Query(std::string(schema::kCharacter) + word.text)));
      note(std::string(schema::kCharacter) + word.text, 1);
    }
    if (tuning_.bigrams > 0 && isUnknown(word)) {
      std::vector<Xapian::Query> characters;
      for (const std::string& character : word.characters) {
        characters.emplace_back(std::string(schema::kCharacter) + character);
        note(std::string(schema::kCharacter) + character, 0.5);
      }
      fallbacks_.push_back(
          scaled(tuning_.bigrams,
                 Xapian::Query(Xapian::Query::OP_OR, characters.begin(), characters.end())));
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  }

  // People type on phones with pinyin input methods and often take the wrong candidate; the
  // slip usually breaks the word apart (水相 for 水箱 is segmented 水|相, 物业废 is 物业|废). Two
  // neighbouring words, one of them a single character, that together are no word but sound
  // like a word of the index or the word lists, also search that word: the joined word is
  // added after them, and the characters keep their own matches, so a pair that was no slip
  // (每个 → 每隔) costs little. A word in its own right (胶带, 昨晚) is what the asker meant.
  // Each such word is reported in `found`, as `query` has it, with the words it sounds like.
  void addSoundAlikes(const std::string& query, Question& question,
                      std::vector<SoundAlike>& found) {
    std::vector<QueryWord>& words = question.words;
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      const QueryWord& first = words[i];
      const QueryWord& second = words[i + 1];
      if ((!first.singleHan && !second.singleHan) || first.end != second.begin ||
          first.positionName || second.positionName) {
        continue;
      }
      const std::string text = first.text + second.text;
      if (db_.term_exists(text)) continue;
      std::vector<std::string> meant = wordsSounding(text);
      // Asked last: the analyser segments the pair, which costs more than the lookups.
      if (meant.empty() || isWord(text)) continue;
      QueryWord joined = soundingWord(meant);
      const auto [from, to] = question.analyzed.normalized.sourceRange(first.begin, second.end);
      found.push_back({query.substr(from, to - from), std::move(meant)});
      joined.begin = first.begin;
      joined.end = second.end;
      joined.place = second.place;
      words.insert(words.begin() + static_cast<std::ptrdiff_t>(i) + 2, std::move(joined));
      i += 2;
    }
    // A slip can also be a word in its own right (老树 for 老鼠, 家居 for 家具). A word that no
    // clause has, nor any alternative of it, is then perhaps one: the words it sounds like are
    // searched as an extra word of low weight (SearchTuning::soundAlikeWord), and not reported,
    // since most such words were meant as typed (垫子 is no 电子).
    const size_t typed = tuning_.soundAlikeWord > 0 ? words.size() : 0;
    for (size_t i = 0; i < typed; ++i) {
      const QueryWord& word = words[i];
      if (word.positionName || word.singleHan || word.text.size() < 6 || isKnown(word)) continue;
      std::vector<std::string> meant = wordsSounding(word.text);
      if (meant.empty()) continue;
      QueryWord alike = soundingWord(meant);
      alike.begin = word.begin;
      alike.end = word.end;
      alike.soundAlike = true;
      words.push_back(std::move(alike));
    }
  }

  // A word for `meant`, the words something sounds like: the first, the others and the
  // alternatives of all as its alternatives.
  QueryWord soundingWord(const std::vector<std::string>& meant) const {
    const Lexicon& lexicon = analyzer_.lexicon();
    QueryWord word;
    word.text = meant.front();
    for (const std::string& each : meant) {
      if (each != word.text) addUnique(word.alternatives, each);
      for (const std::string& other : lexicon.alternativesOf(each)) {
        if (other != word.text) addUnique(word.alternatives, other);
      }
    }
    return word;
  }

  // Whether a clause has the word or one of its alternatives.
  bool isKnown(const QueryWord& word) const {
    return db_.term_exists(word.text) ||
           std::any_of(word.alternatives.begin(), word.alternatives.end(),
                       [&](const std::string& a) { return db_.term_exists(a); });
  }

  // Whether `text` is a word by itself for the analyser (ICU's dictionary, the word lists).
  bool isWord(const std::string& text) {
    const AnalyzedText analyzed = analyzer_.forQuery(text);
    return analyzed.words.size() == 1 && analyzed.words.front().text == text;
  }

  // The words of the index and of the word lists that sound like `text`: what it may have been
  // meant as.
  std::vector<std::string> wordsSounding(const std::string& text) const {
    const std::string key = pinyinKey(text);
    if (key.empty()) return {};
    std::vector<std::string> meant;
    if (const std::vector<std::string>* indexed = snapshot_->wordsSounding(key)) meant = *indexed;
    for (const std::string& word : analyzer_.lexicon().wordsSounding(key)) addUnique(meant, word);
    return meant;
  }

  // Whether no clause has the word, an alternative of it or one of its bigrams.
  bool isUnknown(const QueryWord& word) const {
    return !word.characters.empty() && !isKnown(word) &&
           std::none_of(word.bigrams.begin(), word.bigrams.end(), [&](const std::string& b) {
             return db_.term_exists(std::string(schema::kBigram) + b);
           });
  }

  Xapian::Query positionFilter(const std::vector<std::string>& positions) const {
    std::vector<Xapian::Query> terms;
    for (const Manual& manual : snapshot_->manuals()) {
      for (const std::string& canonical : positions) {
        if (manual.findPosition(canonical)) {
          terms.emplace_back(std::string(schema::kPositionTerm) +
                             schema::positionKey(manual.id, canonical));
        }
      }
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

  Xapian::Enquire enquire(const Xapian::Query& query) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(tuning_.bm25k1, 0, 1, tuning_.bm25b, 0.5));
    return enquire;
  }

  double prior(const Manual& manual, const Clause& clause) {
    double factor = 1;
    const Position* position = manual.positionOf(clause);
    if (!position) {
      // A bare statement ("3号楼电梯坏了") asks for whoever deals with it, as 谁 does.
      if (question_->has(Intent::kWho) || question_->intents.empty()) {
        factor *= tuning_.generalClausePrior;
      }
      return factor;
    }
    if (snapshot_->leads(position->canonical()) &&
        std::find(question_->positions.begin(), question_->positions.end(),
                  position->canonical()) == question_->positions.end()) {
      factor *=
          question_->has(Intent::kOversee) ? tuning_.leaderAskedToOversee : tuning_.leaderPrior;
    }
    if (question_->asker && position->canonical() == *question_->asker) {
      factor *= question_->asksOwnWork ? tuning_.askerOwnWork : tuning_.askerOtherWork;
    }
    if (!question_->has(Intent::kOversee)) {
      for (const std::string& word : overseeWords_) {
        if (clause.text.find(word) != std::string::npos) {
          factor *= tuning_.overseeingPrior;
          break;
        }
      }
    }
    // A position's overview paragraph names all its work in a sentence: it shows who, but a
    // numbered duty that says how is the clause to cite.
    if (clause.address.kind == ClauseAddress::Kind::kParagraph &&
        !question_->has(Intent::kDuties)) {
      factor *= tuning_.overviewPrior;
    }
    if (question_->has(Intent::kAmount) && !statesQuantity(clause.text)) {
      factor *= tuning_.noAmountPrior;
    }
    // A question names a topic (电梯困人) or it does not: either way, clauses of chapters
    // about another topic, or about none when one is named, are weaker evidence. In a chapter
    // about several events, the clause's subsection may name its event (火灾处置).
    if (const Chapter* chapter = manual.chapterOf(clause)) {
      const bool onTopic = isTopicChapter(*chapter) ? onAskedTopic(manual, clause) : !namesTopic();
      if (!onTopic) factor *= tuning_.offTopicChapterPrior;
    }
    const std::string& heading = manual.headingOf(clause).title;
    for (std::string_view secondary : kSecondarySubsections) {
      if (heading != secondary) continue;
      const bool asked =
          std::any_of(question_->words.begin(), question_->words.end(), [&](const QueryWord& w) {
            return heading.find(w.text) != std::string::npos ||
                   std::find(w.alternatives.begin(), w.alternatives.end(), heading) !=
                       w.alternatives.end();
          });
      if (!asked) factor *= tuning_.secondarySubsectionPrior;
    }
    return factor;
  }

  // How rare a word of the question is in the clauses: its inverse document frequency, so that
  // 人 counts for less of the question than 上吐下泻. A word the clauses lack is as rare as its
  // commonest alternative; a word they have is as rare as itself, not as its broader
  // expansions (消防泵 → 火灾).
  double rarity(const QueryWord& word) const {
    Xapian::doccount clauses = db_.get_termfreq(word.text);
    if (clauses == 0) {
      for (const std::string& alternative : word.alternatives) {
        clauses = std::max(clauses, db_.get_termfreq(alternative));
      }
    }
    return std::log(1.0 + db_.get_doccount() / (1.0 + clauses));
  }

  // How much of the question each match covers, as a factor on its weight: a clause with two
  // of the question's words is better evidence than one with a single rarer word. Words count
  // by their rarity. Read from the postings of the question's terms, skipping to the matches in
  // docid order: much cheaper than one term list per match.
  std::vector<double> coverages(const Xapian::MSet& mset) {
    std::vector<double> factors(mset.size(), 1.0);
    if (tuning_.coverage == 0 || mset.empty()) return factors;
    std::vector<std::pair<Xapian::docid, size_t>> matches;  // docid, rank; by docid
    for (auto it = mset.begin(); it != mset.end(); ++it) matches.emplace_back(*it, matches.size());
    std::sort(matches.begin(), matches.end());
    const size_t words = wordRarity_.size();
    std::vector<double> shown(mset.size() * words, 0.0);  // by rank, then word
    for (const auto& [term, word] : wordOfTerm_) {
      Xapian::PostingIterator posting = db_.postlist_begin(term);
      for (const auto& [docid, rank] : matches) {
        posting.skip_to(docid);
        if (posting == db_.postlist_end(term)) break;
        if (*posting != docid) continue;
        double& share = shown[rank * words + word.first];
        share = std::max(share, word.second);
      }
    }
    double whole = 0;
    for (double rarity : wordRarity_) whole += rarity;
    for (size_t rank = 0; rank < factors.size(); ++rank) {
      double total = 0;
      for (size_t word = 0; word < words; ++word) {
        total += shown[rank * words + word] * wordRarity_[word];
      }
      factors[rank] = std::pow(total / std::max(whole, 1e-9), tuning_.coverage);
    }
    return factors;
  }

  // A chapter about one topic (an emergency: 第三章 电梯困人) rather than a department
  // (…岗位职责): its positions' steps answer questions about that topic.
  static bool isTopicChapter(const Chapter& chapter) {
    return !chapter.heading.title.ends_with("岗位职责");
  }

  // Whether the clause is in a chapter about a topic the question names, by the chapter's
  // title or by its subsection's.
  bool onAskedTopic(const Manual& manual, const Clause& clause) {
    const Chapter* chapter = manual.chapterOf(clause);
    return chapter && isTopicChapter(*chapter) &&
           (asksAbout(chapter->heading) || asksAbout(manual.headingOf(clause)));
  }

  // Whether the question names the topic of any chapter about one topic, or of a subsection
  // in one (a manual may give each position a 火灾处置 subsection in one emergency chapter).
  bool namesTopic() {
    if (topicTitles_.empty()) {
      // Once per Searcher: the distinct titles (most subsections share 处置职责).
      std::set<std::string> seen;
      const auto add = [&](const Heading& heading) {
        if (seen.insert(heading.title).second) topicTitles_.push_back(&titleWords(heading.title));
      };
      for (const Manual& manual : snapshot_->manuals()) {
        for (const Chapter& chapter : manual.chapters) {
          if (!isTopicChapter(chapter)) continue;
          add(chapter.heading);
          for (const Section& section : chapter.sections) {
            for (const Subsection& subsection : section.subsections) add(subsection.heading);
          }
        }
      }
    }
    if (!namesTopic_) {
      namesTopic_ =
          std::any_of(topicTitles_.begin(), topicTitles_.end(),
                      [&](const std::vector<std::string>* words) { return asks(*words); });
    }
    return *namesTopic_;
  }

  // Whether the question has a word of the heading's title.
  bool asksAbout(const Heading& heading) { return asks(titleWords(heading.title)); }

  // A title's words, analysed once per Searcher.
  const std::vector<std::string>& titleWords(const std::string& title) {
    auto [entry, inserted] = titleWords_.try_emplace(title);
    if (inserted) {
      for (const Token& word : analyzer_.forQuery(title).words) entry->second.push_back(word.text);
    }
    return entry->second;
  }

  // Whether the question has one of `words`, itself or through an alternative.
  bool asks(const std::vector<std::string>& words) const {
    return std::any_of(question_->words.begin(), question_->words.end(),
                       [&](const QueryWord& word) { return isAmong(word, words); });
  }

  // Whether `word`, itself or through an alternative, is one of `words`.
  static bool isAmong(const QueryWord& word, const std::vector<std::string>& words) {
    const auto among = [&](const std::string& w) {
      return std::find(words.begin(), words.end(), w) != words.end();
    };
    return among(word.text) ||
           std::any_of(word.alternatives.begin(), word.alternatives.end(), among);
  }

  Hit makeHit(const Manual* manual, const Clause* clause, double score) {
    return Hit{manual, clause, score, makeSnippet(clause->text, matchTerms_, normalizer_)};
  }

  // One Xapian query gives both lists. Xapian collapses on the position key, keeping each
  // position's best few clauses, so answers never need every match fetched; after re-ranking,
  // the hits show at most kClausesPerAnswer of a position, so they show more positions than
  // one position's many near-identical clauses. A question about named positions is not
  // collapsed: there, all their clauses are what is asked for.
  void runQuery(const Xapian::Query& query, const SearchRequest& request, bool collapse,
                SearchResult& result) {
    Xapian::Enquire enquire = this->enquire(query);
    if (collapse) enquire.set_collapse_key(schema::kSlotPositionKey, kCandidatesPerPosition);
    const Xapian::MSet mset =
        enquire.get_mset(0, static_cast<Xapian::doccount>(std::max(request.limit, kRerankDepth)));
    result.total = mset.get_uncollapsed_matches_estimated();
    struct Candidate {
      const Manual* manual;
      const Clause* clause;
      double weight;
      double percent;
    };
    std::vector<Candidate> candidates;
    const std::vector<double> covered = coverages(mset);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const auto [manual, clause] = snapshot_->clauseOf(*it);
      const double factor = prior(*manual, *clause) * covered[candidates.size()];
      candidates.push_back({manual, clause, it.get_weight() * factor, it.get_percent() * factor});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.weight > b.weight; });
    std::unordered_map<const Position*, size_t> shown;  // hits per position
    for (const Candidate& candidate : candidates) {
      if (result.hits.size() == request.limit) break;
      const Position* position = candidate.manual->positionOf(*candidate.clause);
      if (collapse && position && ++shown[position] > kClausesPerAnswer) continue;
      result.hits.push_back(makeHit(candidate.manual, candidate.clause, candidate.percent / 100.0));
    }

    // Answers: the positions of the candidates, each weighed by its best clauses.
    struct Evidence {
      Answer answer;
      double weight = 0;
      double percent = 0;
    };
    std::vector<Evidence> answers;
    const bool generalFirst =
        !candidates.empty() && !candidates.front().manual->positionOf(*candidates.front().clause);
    for (const Candidate& candidate : candidates) {
      const Position* position = candidate.manual->positionOf(*candidate.clause);
      if (!position) continue;  // general sections answer no "who"
      // When a general rule matches best, a position whose best clause is far weaker is no
      // answer: the question is about the rule, not whoever shares a word with it.
      if (generalFirst && !namesTopic() &&
          candidate.weight < kAnswerFloor * candidates.front().weight) {
        break;
      }
      auto found = std::find_if(answers.begin(), answers.end(), [&](const Evidence& e) {
        return e.answer.position == position && e.answer.manual == candidate.manual;
      });
      if (found == answers.end()) {
        answers.push_back(
            {Answer{candidate.manual, position, {}, 0, {}, {}}, 0, candidate.percent});
        found = answers.end() - 1;
      }
      const size_t rank = found->answer.clauses.size();
      if (rank >= kClausesPerAnswer) continue;
      const double decay[kClausesPerAnswer] = {1.0, tuning_.secondClause, tuning_.thirdClause};
      found->weight += decay[rank] * candidate.weight;
      found->answer.clauses.push_back(candidate.clause);
    }
    std::stable_sort(answers.begin(), answers.end(),
                     [](const Evidence& a, const Evidence& b) { return a.weight > b.weight; });
    for (Evidence& evidence : answers) {
      if (result.answers.size() == request.answerLimit) break;
      evidence.answer.score =
          answers.front().percent / 100.0 * evidence.weight / answers.front().weight;
      result.answers.push_back(std::move(evidence.answer));
    }
  }

  // "是 A 还是 B": the best of the first few clauses that mentions the work asked about
  // decides, and moves to the top. Its owner answers, unless the clause gives that work to
  // the other position:
  // - right after a handover or oversight word, with the work (if the clause says it) later
  //   in the same phrase: "提交采购员采购", "审核客服专员的回访记录", "由停车场管理员收取";
  // - or right before the work: "凭租户服务专员开具的放行单放行".
  // Named otherwise, the other position only supplies or receives something:
  // "核对装修管理员出具的核查结论", "按前台转来的申请单开启空调"; or its part ends before the
  // work: "审批装修管理员初审通过的装修申请，签发装修许可". Then the owner does the work.
  // The work asked about is each word that follows a position in the question: 审核 in
  // "是装修管理员审核还是客服主管审核", 疏通 and 清 in "该维修工疏通还是保洁员来清".
  void decideBetween(const std::vector<std::string>& compared, const SearchRequest& request,
                     SearchResult& result) {
    const std::vector<QueryWord>& words = question_->words;
    std::vector<const QueryWord*> work;
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i].positionName && !words[i + 1].positionName) work.push_back(&words[i + 1]);
    }
    if (work.empty()) {
      for (const QueryWord& word : words) {
        if (!word.positionName) work.push_back(&word);
      }
    }
    const auto firstMention = [&](const std::string& text, size_t from = 0) {
      size_t at = std::string::npos;
      for (const QueryWord* word : work) {
        at = std::min(at, text.find(word->text, from));
        for (const std::string& alternative : word->alternatives) {
          at = std::min(at, text.find(alternative, from));
        }
      }
      return at;
    };
    auto deciding = result.hits.end();
    std::string text;
    bool mentionsWork = false;  // whether the deciding clause says the work
    const size_t depth = std::min(kDecidingDepth, result.hits.size());
    for (auto hit = result.hits.begin(); hit != result.hits.begin() + depth; ++hit) {
      if (!hit->manual->positionOf(*hit->clause)) continue;
      std::string normalized = normalizer_.normalize(hit->clause->text).text;
      mentionsWork = firstMention(normalized) != std::string::npos;
      if (deciding == result.hits.end() || mentionsWork) {
        deciding = hit;
        text = std::move(normalized);
      }
      if (mentionsWork) break;
    }
    if (deciding == result.hits.end()) return;
    std::rotate(result.hits.begin(), deciding, deciding + 1);
    const Hit& best = result.hits.front();
    std::string decided = best.manual->positionOf(*best.clause)->canonical();
    for (const PositionMention& named : mentionedPositions(text, snapshot_->positionNames())) {
      const bool handedOver =
          handsOver(text, named.at) &&
          (!mentionsWork || firstMention(text, named.at) < phraseEnd(text, named.at));
      const bool doesWork = mentionsWork && firstMention(text, named.end) == named.end;
      if (named.canonical != decided && (handedOver || doesWork) &&
          std::find(compared.begin(), compared.end(), named.canonical) != compared.end()) {
        decided = named.canonical;
        break;
      }
    }
    const auto first =
        std::find_if(result.answers.begin(), result.answers.end(),
                     [&](const Answer& a) { return a.position->canonical() == decided; });
    if (first != result.answers.end()) {
      std::rotate(result.answers.begin(), first, first + 1);
    } else if (const Position* position = best.manual->findPosition(decided)) {
      // None of its own clauses matched: the deciding clause, which hands it the work, supports
      // it.
      const double score = result.answers.empty() ? best.score : result.answers.front().score;
      result.answers.insert(result.answers.begin(),
                            Answer{best.manual, position, {best.clause}, score, {}, {}});
      if (result.answers.size() > request.answerLimit) result.answers.pop_back();
    }
  }

  // Where the phrase of normalized text that byte `at` is in ends: at the next punctuation.
  static size_t phraseEnd(const std::string& text, size_t at) {
    size_t end = text.size();
    for (std::string_view mark : {",", ";", ":", "。", "、", "!", "?"}) {
      end = std::min(end, text.find(mark, at));
    }
    return end;
  }

  // Whether a handover or oversight word ends right before byte `at` of normalized text.
  bool handsOver(const std::string& text, size_t at) const {
    return std::any_of(handOverWords_.begin(), handOverWords_.end(), [&](const std::string& w) {
      return at >= w.size() && text.compare(at - w.size(), w.size(), w) == 0;
    });
  }

  // Whether every word of the question is a word of a topic chapter's title it names.
  bool onlyNamesTopic() {
    std::vector<const std::vector<std::string>*> named;
    for (const Manual& manual : snapshot_->manuals()) {
      for (const Chapter& chapter : manual.chapters) {
        if (isTopicChapter(chapter) && asksAbout(chapter.heading)) {
          named.push_back(&titleWords(chapter.heading.title));
        }
      }
    }
    if (named.empty()) return false;
    return std::all_of(question_->words.begin(), question_->words.end(), [&](const QueryWord& w) {
      return std::any_of(named.begin(), named.end(),
                         [&](const std::vector<std::string>* title) { return isAmong(w, *title); });
    });
  }

  // A clause of a list in manual order (a position's duties, an event's chapter): counted, and
  // a hit while the limit allows, scored down the list from 1 to 0.5.
  void addListedHit(const Manual& manual, const Clause& clause, const SearchRequest& request,
                    SearchResult& result) {
    ++result.total;
    if (result.hits.size() >= request.limit) return;
    const double score =
        1.0 - 0.5 * static_cast<double>(result.hits.size()) / static_cast<double>(request.limit);
    result.hits.push_back(makeHit(&manual, &clause, score));
  }

  // The chapters about an event the question names that have a section no position owns (the
  // event's 处置要点), in manual order.
  std::vector<NamedEvent> namedEvents(const Manual* onlyManual) {
    std::vector<NamedEvent> events;
    if (!namesTopic()) return events;
    for (const auto& [manual, c] : askedTopicChapters(onlyManual)) {
      const Chapter& chapter = manual->chapters[c];
      const auto general = std::find_if(chapter.sections.begin(), chapter.sections.end(),
                                        [](const Section& s) { return !s.position; });
      if (general != chapter.sections.end()) events.push_back({manual, &chapter, &*general});
    }
    return events;
  }

  // The chapters about a topic the question names, as manual and chapter index, in manual order.
  std::vector<std::pair<const Manual*, size_t>> askedTopicChapters(const Manual* onlyManual) {
    std::vector<std::pair<const Manual*, size_t>> chapters;
    for (const Manual& manual : snapshot_->manuals()) {
      if (onlyManual && onlyManual != &manual) continue;
      for (size_t c = 0; c < manual.chapters.size(); ++c) {
        const Chapter& chapter = manual.chapters[c];
        if (isTopicChapter(chapter) && asksAbout(chapter.heading)) {
          chapters.emplace_back(&manual, c);
        }
      }
    }
    return chapters;
  }

  // The chapters about the topic the question names, in manual order: general sections' clauses
  // as hits, each position as an answer with its first steps.
  void listTopic(const Manual* onlyManual, const SearchRequest& request, SearchResult& result) {
    for (const auto& [manual, c] : askedTopicChapters(onlyManual)) {
      const Chapter& chapter = manual->chapters[c];
      for (size_t s = 0; s < chapter.sections.size(); ++s) {
        const Position* position = nullptr;
        if (const auto index = chapter.sections[s].position) position = &manual->positions[*index];
        Answer answer{manual, position, {}, 1.0, {}, {}};
        for (size_t index : manual->clausesOfSection(c, s)) {
          const Clause& clause = manual->clauses[index];
          if (position && answer.clauses.size() < kClausesPerAnswer) {
            answer.clauses.push_back(&clause);
          }
          addListedHit(*manual, clause, request, result);
        }
        if (position && !answer.clauses.empty() && result.answers.size() < request.answerLimit) {
          result.answers.push_back(std::move(answer));
        }
      }
    }
  }

  // "前台平时做什么": the position's clauses in manual order, overview and duties first. With
  // `askedTopicOnly`, only its steps in the chapters about the topic the question names
  // ("我是巡逻的保安，电梯困人了，我到现场要做什么").
  void listDuties(const std::vector<std::string>& positions, const Manual* onlyManual,
                  const SearchRequest& request, SearchResult& result, bool askedTopicOnly = false) {
    for (const Manual& manual : snapshot_->manuals()) {
      if (onlyManual && onlyManual != &manual) continue;
      for (const std::string& canonical : positions) {
        const Position* position = manual.findPosition(canonical);
        if (!position) continue;
        Answer answer{&manual, position, {}, 1.0, {}, {}};
        for (const auto& place : position->places) {
          for (size_t index : manual.clausesOfSection(place.chapter, place.section)) {
            const Clause& clause = manual.clauses[index];
            if (askedTopicOnly && !onAskedTopic(manual, clause)) continue;
            if (answer.clauses.size() < kClausesPerAnswer) answer.clauses.push_back(&clause);
            addListedHit(manual, clause, request, result);
          }
        }
        if (answer.clauses.empty()) continue;
        result.answers.push_back(std::move(answer));
      }
    }
  }

  // "客服专员的上级是谁": the answer is in the reporting lines; the supporting clauses are
  // the related position's clauses that mention the one asked about.
  void answerReportingLine(const Question& question, const Manual* onlyManual,
                           const SearchRequest& request, SearchResult& result) {
    const bool up = question.has(Intent::kSuperior);
    const std::string& asked = question.positions.front();
    for (const Manual& manual : snapshot_->manuals()) {
      if (onlyManual && onlyManual != &manual) continue;
      const Position* position = manual.findPosition(asked);
      if (!position) continue;
      for (const std::string& related : up ? position->superiors : position->subordinates) {
        const Position* relatedPosition = manual.findPosition(related);
        if (!relatedPosition) continue;
        Answer answer{&manual, relatedPosition, {}, 1.0, up ? "直接上级" : "直接下级", asked};
        std::vector<Xapian::Query> names;
        for (const std::string& name : position->names) {
          const AnalyzedText analyzed = analyzer_.forQuery(name);
          for (const Token& word : analyzed.words) {
            names.emplace_back(word.text);
            matchTerms_.words.insert(word.text);
          }
        }
        const Xapian::Query query(Xapian::Query::OP_FILTER,
                                  Xapian::Query(Xapian::Query::OP_OR, names.begin(), names.end()),
                                  Xapian::Query(std::string(schema::kPositionTerm) +
                                                schema::positionKey(manual.id, related)));
        Xapian::Enquire support = enquire(query);
        const Xapian::MSet mset = support.get_mset(0, kClausesPerAnswer);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
          const auto [clauseManual, clause] = snapshot_->clauseOf(*it);
          answer.clauses.push_back(clause);
          if (result.hits.size() < request.limit) {
            result.hits.push_back(makeHit(clauseManual, clause, it.get_percent() / 100.0));
          }
        }
        result.answers.push_back(std::move(answer));
      }
    }
    result.total = result.hits.size();
  }

  std::shared_ptr<const IndexSnapshot> snapshot_;
  Xapian::Database db_;
  TextAnalyzer analyzer_;
  TextNormalizer normalizer_;
  SearchTuning tuning_;
  MatchTerms matchTerms_;               // of the question being answered, for snippets
  const Question* question_ = nullptr;  // the question being answered
  std::unordered_map<std::string, std::vector<std::string>> titleWords_;  // by title
  std::vector<const std::vector<std::string>*> topicTitles_;  // words of each topic title
  std::optional<bool> namesTopic_;                            // for the question being answered
  // Each term of the question's query → (the word it stands for, the share of it a match shows).
  std::unordered_map<std::string, std::pair<size_t, double>> wordOfTerm_;
  std::vector<double> wordRarity_;  // of each word of the query, by its index
  // The character layer of the words the index lacks, for the question being answered.
  std::vector<Xapian::Query> fallbacks_;
  const std::vector<std::string> overseeWords_ = Lexicon::builtIn().wordsOf(Intent::kOversee);
  const std::vector<std::string> handOverWords_ = [this] {
    std::vector<std::string> words = Lexicon::builtIn().wordsOf(Intent::kHandOver);
    words.insert(words.end(), overseeWords_.begin(), overseeWords_.end());
    return words;
  }();
};

Searcher::Searcher(std::shared_ptr<const IndexSnapshot> snapshot, SearchTuning tuning) {
  try {
    impl_ = std::make_unique<Impl>(std::move(snapshot), tuning);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open the index: " + e.get_description());
  }
}

Searcher::~Searcher() = default;

SearchResult Searcher::search(const SearchRequest& request) {
  try {
    return impl_->search(request);
  } catch (const Xapian::Error& e) {
    throw IndexError("search failed: " + e.get_description());
  }
}

const std::shared_ptr<const IndexSnapshot>& Searcher::snapshot() const {
  return impl_->snapshot();
}

}  // namespace dutydesk
