// analyzeQuestion and mentionedPositions with the built-in lexicon and a small set of position
// names: intents, content words (stop words, question words and place labels dropped), their
// alternatives and bigrams, and the positions a question names, by name or by synonym.
#include "core/question.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "text_test_support.h"

using namespace dutydesk;
using dutydesk::testing::names;

namespace {

// Longest names first, as IndexSnapshot builds them. 前台接待 is another name of 客服专员;
// 客服主管 leads (has 直接下级).
PositionNames positionNames() {
  PositionNames names;
  names.entries = {
      {"监控中心值班员", "监控中心值班员", false},
      {"秩序维护员", "秩序维护员", false},
      {"客服专员", "客服专员", false},
      {"前台接待", "客服专员", false},
      {"客服主管", "客服主管", true},
      {"弱电工", "弱电工", false},
      {"电工", "电工", false},
  };
  return names;
}

Question analyze(std::string_view text) {
  static TextAnalyzer analyzer(Lexicon::builtIn(), {});
  static const PositionNames names = positionNames();
  return analyzeQuestion(text, analyzer, names);
}

std::string words(const Question& question) {
  std::string out;
  for (const QueryWord& word : question.words) {
    if (!out.empty()) out += ' ';
    out += word.text;
  }
  return out;
}

// The content words, with a '*' after each that is part of a position the question names.
std::string flagged(const Question& question) {
  std::string out;
  for (const QueryWord& word : question.words) {
    if (!out.empty()) out += ' ';
    out += word.text + (word.positionName ? "*" : "");
  }
  return out;
}

std::string positions(const Question& question) {
  std::string out;
  for (const std::string& position : question.positions) {
    if (!out.empty()) out += ' ';
    out += position;
  }
  return out;
}

std::string mentions(const std::vector<PositionMention>& found) {
  std::string out;
  for (const PositionMention& mention : found) {
    if (!out.empty()) out += ' ';
    out += mention.canonical + "@" + std::to_string(mention.at);
  }
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

const QueryWord* findWord(const Question& question, const std::string& text) {
  for (const QueryWord& word : question.words) {
    if (word.text == text) return &word;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("intents come from the question's words") {
  const struct {
    std::string question;
    std::vector<Intent> intents;  // in question order
  } cases[] = {
      {"谁负责催缴物业费", {Intent::kWho}},
      {"弱电工的上级是谁", {Intent::kSuperior, Intent::kWho}},
      {"是客服专员还是电工负责", {Intent::kAlternative}},
      {"保安做什么", {Intent::kDuties}},
      {"客服主管的下属有哪些", {Intent::kSubordinate}},
      {"電梯困人誰處理", {Intent::kWho}},  // Traditional 誰 is 谁
      {"业主报修", {}},
      // Asking who leads or has the final say asks for a decision, as 批准 does.
      {"消防演习谁牵头", {Intent::kWho, Intent::kOversee}},
      {"监控录像给不给业主看 谁说了算", {Intent::kWho, Intent::kOversee}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.question);
    const Question question = analyze(c.question);
    CHECK(names(question.intents) == names(c.intents));
    for (Intent intent : c.intents) CHECK(question.has(intent));
  }
  CHECK_FALSE(analyze("谁负责催缴物业费").has(Intent::kDuties));
}

TEST_CASE("stop words and question words are not content words") {
  const struct {
    std::string question;
    std::string words;
  } cases[] = {
      {"谁负责催缴物业费", "催缴 物业费"},
      {"誰負責催繳物業費？", "催缴 物业费"},
      {"请问物业经理一般都做什么", "物业经理"},
      {"弱电工的上级是谁", "弱电工"},               // 的, 上级, 是谁
      {"是客服专员还是电工负责", "客服专员 电工"},  // 是, 还是, 负责
      {"電梯困人誰處理", "电梯困人 处理"},
      {"我是客服,业主报修怎么办", "客服 业主 报修"},
      {"由谁直接催缴物业费", "催缴 物业费"},              // 由 (by), 直接
      {"燃氣洩漏時，電梯要怎麼處理？", "燃气泄漏 电梯"},  // …时 (when)
      {"楼上扔下个花盆", "楼上 扔下 花盆"},               // the measure word 个
  };
  for (const auto& c : cases) {
    CAPTURE(c.question);
    CHECK(words(analyze(c.question)) == c.words);
  }
}

TEST_CASE("a content word carries its alternatives and bigrams") {
  const Question question = analyze("谁负责催缴物业费");
  const QueryWord* fee = findWord(question, "物业费");
  REQUIRE(fee != nullptr);
  CHECK(fee->alternatives == Lexicon::builtIn().alternativesOf("物业费"));
  CHECK(contains(fee->alternatives, "物业服务费"));
  CHECK(fee->bigrams == std::vector<std::string>{"物业", "业费"});
  CHECK_FALSE(fee->singleHan);
  CHECK_FALSE(fee->positionName);

  const Question dial = analyze("拨打119");
  CHECK(words(dial) == "拨 打 119");
  const QueryWord* dialWord = findWord(dial, "拨");
  REQUIRE(dialWord != nullptr);
  CHECK(dialWord->singleHan);
  CHECK(dialWord->bigrams.empty());
  const QueryWord* number = findWord(dial, "119");
  REQUIRE(number != nullptr);
  CHECK_FALSE(number->singleHan);  // not Han: matched as a word
}

TEST_CASE("a word said twice is one content word") {
  CHECK(words(analyze("报修报修")) == "报修");
  CHECK(words(analyze("業主报修,业主")) == "业主 报修");
}

TEST_CASE("positions named in the question, longest names first") {
  SUBCASE("弱电工 is not also read as 电工") {
    const Question question = analyze("弱电工的上级是谁");
    CHECK(positions(question) == "弱电工");
    CHECK(flagged(question) == "弱电工*");
  }
  SUBCASE("both, where both are named") {
    const Question question = analyze("弱电工和电工谁管配电房");
    CHECK(positions(question) == "弱电工 电工");
    CHECK(flagged(question) == "弱电工* 电工* 配电房");
  }
  SUBCASE("another name of a position gives its canonical name") {
    const Question question = analyze("前台接待的直接上级");
    CHECK(positions(question) == "客服专员");
    CHECK(question.has(Intent::kSuperior));
  }
  SUBCASE("Traditional characters name a position too") {
    CHECK(positions(analyze("弱電工做什麼")) == "弱电工");
  }
  SUBCASE("no names") {
    CHECK(analyze("谁负责催缴物业费").positions.empty());
  }
}

TEST_CASE("a name of three characters or more typed with a pinyin slip still names the position") {
  CHECK(positions(analyze("秩序维户员归谁管")) == "秩序维护员");  // 户 for 护
  CHECK(positions(analyze("客服主观做什么")) == "客服主管");      // 观 for 管
  CHECK(positions(analyze("弱店工的上级")) == "弱电工");          // 店 for 电
  // Two characters sound like too many other words: 点工 names no 电工.
  CHECK(analyze("点工的上级").positions.empty());
  // Clause text is read as written: only a question is taken to have slips.
  PositionNames names;
  names.entries = {{"秩序维护员", "秩序维护员", false}};
  CHECK(mentionedPositions("秩序维户员到场", names).empty());
}

TEST_CASE("a synonym of a position's name names the position") {
  // The lexicon groups 保安 with 秩序维护员.
  REQUIRE(contains(Lexicon::builtIn().synonymsOf("保安"), "秩序维护员"));
  const Question question = analyze("保安做什么");
  CHECK(positions(question) == "秩序维护员");
  CHECK(flagged(question) == "保安*");

  CHECK(positions(analyze("电工和保安谁负责")) == "电工 秩序维护员");
}

TEST_CASE("comparing or introducing oneself: a short word stands for the position it begins") {
  // 客服 begins 客服专员 and 客服主管: the one who does the work, not the one who leads.
  CHECK(positions(analyze("客服还是电工负责收快递")) == "电工 客服专员");
  CHECK(positions(analyze("我是客服,业主报修怎么办")) == "客服专员");
  CHECK(flagged(analyze("我是客服,业主报修怎么办")) == "客服* 业主 报修");
  // Neither comparing nor introducing: 客服 is only a word.
  CHECK(analyze("客服电话多少").positions.empty());
}

TEST_CASE("the asker says which position they are, and may ask about their own work") {
  // 监控室 is another word for 监控中心, which begins 监控中心值班员. 报给谁 asks whom the
  // asker reports to: the asker's own step.
  const Question monitor = analyze("我在监控室 门岗说有个发烧的人在等候区坐着 我接下来报给谁");
  REQUIRE(monitor.asker);
  CHECK(*monitor.asker == "监控中心值班员");
  CHECK(monitor.asksOwnWork);
  // The words saying who asks are not what is asked about.
  for (const QueryWord& word : monitor.words) {
    CAPTURE(word.text);
    CHECK(word.namesAsker == (word.text == "监控室"));
  }
  // 弱电 begins 弱电工; no 谁 at all.
  const Question weak = analyze("保安主管让我把门禁记录导出来 我是弱电 得多快交");
  REQUIRE(weak.asker);
  CHECK(*weak.asker == "弱电工");
  CHECK(weak.asksOwnWork);
  // 谁来修 asks who else does the work.
  const Question other = analyze("我是客服 业主家水管坏了谁来修");
  REQUIRE(other.asker);
  CHECK(*other.asker == "客服专员");
  CHECK_FALSE(other.asksOwnWork);
  CHECK(positions(other).empty());  // the asker only said who they are
  CHECK_FALSE(analyze("我是客服 业主家水管坏了找哪个师傅").asksOwnWork);
  CHECK_FALSE(analyze("我是客服 业主家水管坏了有人管吗").asksOwnWork);
  // 派给哪个师傅: the one it is handed to does the work.
  CHECK_FALSE(analyze("我是前台 业主家开关坏了 这单派给哪个师傅").asksOwnWork);
  // 报给哪个部门 asks whom the asker reports to.
  const Question guard = analyze("我是保安 有人翻墙进来 我报给哪个部门");
  REQUIRE(guard.asker);
  CHECK(*guard.asker == "秩序维护员");
  CHECK(guard.asksOwnWork);
  // Words between 我 and the position: 新来的, 刚调到, 管 … 的.
  for (const std::string_view text :
       {"我是新来的保安 夜里巡逻要带什么", "我刚调到弱电 门禁多久检查一次",
        "我是管弱电的 门禁坏了我先干嘛"}) {
    CAPTURE(text);
    const Question introduced = analyze(text);
    REQUIRE(introduced.asker);
    CHECK(introduced.asksOwnWork);
  }
  // 我们 … 的 names the group the asker belongs to; 我们 alone may be anyone's.
  const Question group = analyze("我们做弱电的 门禁坏了我先干嘛");
  REQUIRE(group.asker);
  CHECK(*group.asker == "弱电工");
  CHECK_FALSE(analyze("我们弱电工程款还没结 客服主管说了算吗").asker);
  // 我 without 是 or 在 says nothing about who the asker is.
  CHECK_FALSE(analyze("物业老打电话催我交钱 是哪个岗位在打").asker);
}

TEST_CASE("place labels are where the asker is, not what the manual says") {
  const struct {
    std::string question;
    std::string words;
  } cases[] = {
      {"3号楼电梯坏了", "电梯坏了"},  // no 3, 号, 楼 or 号楼
      {"2栋3单元停水", "停水"},
      {"12楼漏水", "漏水"},
      {"A座B2层漏水", "漏水"},
      {"３号楼漏水", "漏水"},  // full-width digits are digits
      // Emergency numbers and two-letter words stay.
      {"拨打119", "拨 打 119"},
      {"IC卡丢了找谁", "ic 卡丢了"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.question);
    const Question question = analyze(c.question);
    CHECK(words(question) == c.words);
    for (const char* label : {"3", "号", "楼", "号楼", "2", "栋", "单元", "12", "a", "b2"}) {
      CAPTURE(label);
      CHECK(findWord(question, label) == nullptr);
    }
  }
  // A unit word that follows no label is content.
  CHECK(words(analyze("楼道漏水")) == "楼道 漏水");
}

TEST_CASE("mentionedPositions: canonical names with the byte offset of their first mention") {
  const PositionNames names = positionNames();
  const struct {
    std::string text;  // normalized
    std::string mentions;
  } cases[] = {
      {"是客服专员还是电工负责", "客服专员@3 电工@21"},
      {"弱电工和电工", "弱电工@0 电工@12"},
      // 电工 inside 弱电工 is no mention; the list follows the names' order, longest first.
      {"电工找弱电工再找电工", "弱电工@9 电工@0"},
      // Two names of one position: one mention, at the first.
      {"前台接待和客服专员", "客服专员@0"},
      {"客服专员和前台接待", "客服专员@0"},
      {"秩序维护员巡逻", "秩序维护员@0"},
      {"业主报修", ""},
      {"", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(mentions(mentionedPositions(c.text, names)) == c.mentions);
  }

  // A one-character name is no name.
  PositionNames tooShort;
  tooShort.entries = {{"工", "工人", false}};
  CHECK(mentionedPositions("电工", tooShort).empty());
}

// A name counts only where it starts and ends on the question's word boundaries:
// "停电工作怎么安排" (停电|工作|怎么|安排) names no 电工, so the answer is not filtered to
// 电工's clauses.
TEST_CASE("a name across word boundaries is no mention") {
  const Question question = analyze("停电工作怎么安排");
  CHECK(question.positions.empty());
  CHECK(flagged(question) == "停电 安排");
}

// 要不要断电 asks whether to cut the power: 不要 is not a word of it, and a clause saying
// 不要使用电梯 three times must not outrank one about 断电.
TEST_CASE("the parts that only make a yes-no question are not content words") {
  const struct {
    std::string text;
    std::string words;
  } cases[] = {
      {"要不要断电", "断电"},
      {"需不需要报警", "报警"},
      {"是不是必须两人值班", "必须 两 人 值班"},
      {"有没有人巡逻", "人 巡逻"},
      {"物业修不修水管", "物业 修 水管"},  // the verb itself stays
      {"狗能进去不", "狗 进去"},
      {"狗能进去不？", "狗 进去"},
      {"不要使用电梯", "不要 使用 电梯"},  // no yes-no question here
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(words(analyze(c.text)) == c.words);
  }
}

// ICU keeps 漏了 as one word, which no clause has: what is left to match is 漏.
TEST_CASE("a word's characters, less stop words, are there for when the index lacks it") {
  const Question question = analyze("燃气漏了");
  REQUIRE(question.words.size() == 2);
  CHECK(question.words[1].text == "漏了");
  CHECK(question.words[1].characters == std::vector<std::string>{"漏"});
  CHECK(question.words[0].characters == std::vector<std::string>{"燃", "气"});
  CHECK(analyze("修").words.front().characters.empty());  // one character: matched as itself
}

TEST_CASE("a word followed by 里 is a place, the rest of the question what happens there") {
  const Question question = analyze("楼道里好多老鼠");
  REQUIRE(question.words.size() == 2);
  CHECK(question.words[0].text == "楼道");
  CHECK(question.words[0].place);
  CHECK(question.words[1].text == "老鼠");
  CHECK_FALSE(question.words[1].place);
  CHECK_FALSE(analyze("楼道老鼠").words[0].place);
}
