// The Searcher on a real Xapian index built from the fixture manuals in tests/fixtures/search.
#include "core/searcher.h"

#include <doctest/doctest.h>

#include <functional>

#include "core/content_loader.h"
#include "core/index_writer.h"
#include "core/lexicon.h"
#include "manual_test_support.h"
#include "test_support.h"

using namespace dutydesk;
using dutydesk::testing::md;
using dutydesk::testing::TempDir;
using dutydesk::testing::writeFile;

namespace {

// One index for the whole file: building it is the slow part.
struct FixtureIndex {
  TempDir dir;
  std::shared_ptr<const IndexSnapshot> snapshot;

  FixtureIndex() {
    const Library library = loadLibrary({dutydesk::testing::fixture("search")});
    REQUIRE_FALSE(library.diagnostics.hasErrors());
    TextAnalyzer analyzer(Lexicon::builtIn(), {});
    writeIndex(library, dir / "db", analyzer);
    snapshot = IndexSnapshot::open(dir / "db");
  }
};

// Indexes the manuals written into `dir` and asks one question: for cases that need manuals
// of their own.
SearchResult searchManualsIn(const TempDir& dir, const std::string& query,
                             SearchTuning tuning = {}) {
  const Library library = loadLibrary({dir.path()});
  REQUIRE_FALSE(library.diagnostics.hasErrors());
  TextAnalyzer analyzer(Lexicon::builtIn(), {});
  writeIndex(library, dir / "db", analyzer);
  Searcher searcher(IndexSnapshot::open(dir / "db"), tuning);
  SearchRequest request;
  request.query = query;
  return searcher.search(request);
}

// For a question with two hits, one of which a prior should weaken: that hit's score as a share
// of the other's.
double weakerShare(const TempDir& dir, const std::string& query, SearchTuning tuning,
                   const std::function<bool(const Hit&)>& isWeaker) {
  const SearchResult result = searchManualsIn(dir, query, tuning);
  double weaker = 0;
  double other = 0;
  for (const Hit& hit : result.hits) (isWeaker(hit) ? weaker : other) = hit.score;
  REQUIRE(weaker > 0);
  REQUIRE(other > 0);
  return weaker / other;
}

// The factor a prior puts on the weaker hit: its share with the default tuning over its share
// with `flat`, where that prior is switched off.
double priorFactor(const TempDir& dir, const std::string& query, SearchTuning flat,
                   const std::function<bool(const Hit&)>& isWeaker) {
  return weakerShare(dir, query, {}, isWeaker) / weakerShare(dir, query, flat, isWeaker);
}

// Writes manual "m" into `dir`: an index.md and one chapter file.
void writeManual(const TempDir& dir, const std::string& chapterFile,
                 std::initializer_list<std::string_view> lines) {
  writeFile(dir / "m/index.md", md({"# 手册"}));
  writeFile(dir / "m" / chapterFile, md(lines));
}

// A position and its numbered 主要职责, for writeDepartment.
struct PositionDuties {
  std::string_view name;
  std::initializer_list<std::string_view> duties;
};

// Writes manual "m" into `dir` with one chapter, 第一章 {department}岗位职责, in which each
// position has a section 1.N with its 主要职责 as subsection 1.N.1.
void writeDepartment(const TempDir& dir, std::string_view department,
                     std::initializer_list<PositionDuties> positions) {
  std::string chapter = "# 第一章 " + std::string(department) + "岗位职责\n";
  int section = 0;
  for (const PositionDuties& position : positions) {
    const std::string number = "1." + std::to_string(++section);
    chapter += "\n## " + number + " " + std::string(position.name) + "\n\n### " + number +
               ".1 主要职责\n\n";
    int item = 0;
    for (std::string_view duty : position.duties) {
      chapter += std::to_string(++item) + ". " + std::string(duty) + "\n";
    }
  }
  writeFile(dir / "m/index.md", md({"# 手册"}));
  writeFile(dir / "m" / ("01-" + std::string(department) + ".md"), chapter);
}

FixtureIndex& fixtureIndex() {
  static FixtureIndex index;
  return index;
}

SearchResult search(const std::string& query, std::optional<std::string> manual = std::nullopt,
                    size_t limit = 10) {
  Searcher searcher(fixtureIndex().snapshot);
  SearchRequest request;
  request.query = query;
  request.manual = std::move(manual);
  request.limit = limit;
  return searcher.search(request);
}

std::string topPosition(const SearchResult& result) {
  return result.answers.empty() ? "" : result.answers.front().position->canonical();
}

std::string topAddress(const SearchResult& result) {
  return result.hits.empty()
             ? ""
             : result.hits.front().manual->id + ":" + result.hits.front().clause->address.str();
}

}  // namespace

TEST_CASE("questions find the responsible position and clause") {
  const struct {
    std::string query;
    std::string position;
    std::string address;
  } cases[] = {
      // synonym: 物业费 → 物业服务费
      {"谁负责催缴物业费", "收费员", "xiaoqu:2.3.1.2"},
      // Traditional characters and full-width punctuation
      {"誰負責催繳物業費？", "收费员", "xiaoqu:2.3.1.2"},
      // colloquial synonym for the position: 保安 → 秩序维护员
      {"保安多久巡逻一次", "秩序维护员", "xiaoqu:3.1.1.1"},
      // everyday word for the event and mixed digits
      {"着火了谁打119", "监控中心值班员", "xiaoqu:3.2.1.1"},
      // trade word ICU splits (报修 → 报|修), kept whole
      {"业主报修由谁登记", "客服专员", "xiaoqu:2.2.2.1"},
      // full-width Latin and digits: ＡＢＣ１１９ normalises to abc119
      {"火警　１１９", "监控中心值班员", "xiaoqu:3.2.1.1"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.query);
    const SearchResult result = search(c.query);
    CHECK(topPosition(result) == c.position);
    CHECK(topAddress(result) == c.address);
  }
}

TEST_CASE("a question naming a position answers with that position's duties") {
  const SearchResult result = search("前台平时做什么");
  REQUIRE(result.answers.size() == 1);
  CHECK(result.answers[0].position->canonical() == "客服专员");
  REQUIRE_FALSE(result.hits.empty());
  CHECK(topAddress(result) == "xiaoqu:2.2.1.p1");
  for (const Hit& hit : result.hits) {
    CHECK(hit.manual->positionOf(*hit.clause)->canonical() == "客服专员");
  }
}

TEST_CASE("a named position plus a topic ranks that position's clauses on the topic") {
  const SearchResult result = search("客服专员的考核标准");
  CHECK(topPosition(result) == "客服专员");
  CHECK(topAddress(result) == "xiaoqu:2.2.3.1");
}

TEST_CASE("reporting-line questions are answered from the reporting lines") {
  const SearchResult up = search("客服专员的上级是谁");
  REQUIRE(up.answers.size() == 1);
  CHECK(up.answers[0].position->canonical() == "客服主管");
  CHECK(up.answers[0].relation == "直接上级");
  CHECK(up.answers[0].relationOf == "客服专员");

  // Asking past someone ("再往上") asks for their superior too.
  const SearchResult past = search("客服专员处理不了 再往上找谁");
  REQUIRE_FALSE(past.answers.empty());
  CHECK(past.answers[0].position->canonical() == "客服主管");
  CHECK(past.answers[0].relation == "直接上级");

  const SearchResult down = search("客服主管的下属有哪些");
  REQUIRE(down.answers.size() == 2);
  CHECK(down.answers[0].position->canonical() == "客服专员");
  CHECK(down.answers[1].position->canonical() == "收费员");
}

TEST_CASE("two named positions: the one whose clause carries the action answers") {
  CHECK(topPosition(search("报修是前台派单还是收费员派单")) == "客服专员");
  CHECK(topPosition(search("开发票是收费员开还是客服主管开")) == "收费员");
}

TEST_CASE("a question matching only general sections gives hits but no answers") {
  const SearchResult result = search("首问负责是什么意思");
  CHECK(result.answers.empty());
  CHECK(topAddress(result) == "xiaoqu:1.1.1");
}

TEST_CASE("a comparison is decided by whom the best clause names") {
  // 2.1.2.2 belongs to 客服主管 but says the 收费员 does the collecting.
  CHECK(topPosition(search("物业服务费收缴是客服主管做还是收费员做")) == "收费员");
  // 2.3.1.3 names 客服专员 only after the work asked about: its owner does the collecting.
  const SearchResult deposit = search("装修押金是收费员收还是客服专员收");
  CHECK(topPosition(deposit) == "收费员");
  CHECK(topAddress(deposit) == "xiaoqu:2.3.1.3");
}

// The other position does the work where the work follows it in the same phrase after a
// handover word, or right after it. "由停车场管理员收取" hands the collecting over;
// "审批装修管理员初审通过的申请，签发装修许可" does not hand over the signing.
TEST_CASE("a comparison flips to a handed-to position only if the work follows in its phrase") {
  TempDir dir;
  writeManual(dir, "01-客户服务部.md",
              {"# 第一章 客户服务部岗位职责",
               "",
               "## 1.1 客服主管",
               "",
               "- 直接下级:装修管理员",
               "",
               "### 1.1.1 主要职责",
               "",
               "1. 审批装修管理员初审通过的装修申请，签发装修许可。",
               "",
               "## 1.2 装修管理员",
               "",
               "- 直接上级:客服主管",
               "",
               "### 1.2.1 主要职责",
               "",
               "1. 初审业主提交的装修申请材料。",
               "",
               "## 1.3 收费员",
               "",
               "### 1.3.1 主要职责",
               "",
               "1. 收取月租车位的停车服务费；临时停车费由停车场管理员收取。",
               "",
               "## 1.4 停车场管理员",
               "",
               "### 1.4.1 主要职责",
               "",
               "1. 指挥车辆有序停放。",
               "",
               "## 1.5 门卫",
               "",
               "### 1.5.1 主要职责",
               "",
               "1. 凭收费员开具的收据放行车辆。"});
  CHECK(topPosition(searchManualsIn(dir, "装修许可是装修管理员签发还是客服主管签发")) ==
        "客服主管");
  CHECK(topPosition(searchManualsIn(dir, "临时停车费是收费员收还是停车场管理员收")) ==
        "停车场管理员");
  // "收费员开具的收据": the position right before the work does it, whoever's clause it is.
  CHECK(topPosition(searchManualsIn(dir, "收据是收费员开还是门卫开")) == "收费员");
}

// "该维修工疏通还是保洁员来清": each position has its own verb, and the clause that best
// matches the question decides, whichever of them it says.
TEST_CASE("a comparison giving each position its own verb is decided by the best clause") {
  TempDir dir;
  writeDepartment(
      dir, "工程部",
      {{"维修工", {"每月检查雨水井，发现堵塞及时疏通。"}}, {"保洁员", {"清理雨水沟表面的落叶。"}}});
  CHECK(topPosition(searchManualsIn(dir, "雨水井堵了，该维修工疏通还是保洁员来清？")) == "维修工");
}

TEST_CASE("a reporting-line word for a position that leads no one asks what it looks after") {
  const SearchResult result = search("收费员管哪些");
  REQUIRE_FALSE(result.answers.empty());
  CHECK(result.answers[0].position->canonical() == "收费员");
  CHECK(result.answers[0].relation.empty());
}

TEST_CASE("what a position does: a word matching one clause does not hide the others") {
  // 每天 is in one clause of 客服专员 only; the question asks for all of its work.
  const SearchResult result = search("前台每天都干啥");
  REQUIRE(result.answers.size() == 1);
  CHECK(result.answers[0].position->canonical() == "客服专员");
  CHECK(result.hits.size() >= 3);
}

TEST_CASE("a question naming a position and asking what it looks after lists its duties") {
  // 管哪些事 asks for duties, 管哪些人 for the people below.
  const SearchResult result = search("前台主要管哪些事");
  REQUIRE(result.answers.size() == 1);
  CHECK(result.answers[0].position->canonical() == "客服专员");
  CHECK_FALSE(result.hits.empty());
}

TEST_CASE("an event and nothing more: its chapter in the order written") {
  const SearchResult result = search("电梯困人了怎么办");
  REQUIRE(result.hits.size() == 3);
  CHECK(result.total == 3);
  CHECK(topAddress(result) == "jinji:1.1.1");  // the key points, a general clause
  CHECK(result.hits[1].clause->address.str() == "1.2.1.1");
  CHECK(result.hits[2].clause->address.str() == "1.2.1.2");
  REQUIRE(result.answers.size() == 1);
  CHECK(result.answers[0].position->canonical() == "秩序维护员");
}

TEST_CASE("what a position does in a named event: its steps in that event's chapter, in order") {
  const SearchResult result = search("我是保安，电梯困人了我到现场要做什么");
  REQUIRE(result.answers.size() == 1);
  CHECK(result.answers[0].manual->id == "jinji");
  CHECK(result.answers[0].position->canonical() == "秩序维护员");
  REQUIRE(result.hits.size() == 2);
  CHECK(result.hits[0].clause->address.str() == "1.2.1.1");
  CHECK(result.hits[1].clause->address.str() == "1.2.1.2");
}

TEST_CASE("an event named by a subsection title counts as the question's topic") {
  // One emergency chapter, each position with a subsection per event (as some manuals do).
  TempDir dir;
  writeManual(dir, "01-客户服务部.md",
              {"# 第一章 客户服务部岗位职责", "", "## 1.1 客服专员", "", "### 1.1.1 岗位职责", "",
               "1. 电话回复住户询问，引导住户耐心等待。"});
  writeFile(dir / "m/02-应急处置.md",
            md({"# 第二章 突发事件应急处置", "", "## 2.1 电工", "", "### 2.1.1 应急职责", "",
                "1. 听从现场指挥的安排。", "", "### 2.1.2 停电处置", "",
                "1. 检查配电房，电话回复住户询问。"}));
  const SearchResult result = searchManualsIn(dir, "停电了谁回复住户询问");
  REQUIRE_FALSE(result.answers.empty());
  CHECK(result.answers[0].position->canonical() == "电工");
}

TEST_CASE("a position's own name is never taken over by another job's nickname") {
  // The word lists give 保洁主管 as a name people use for 环境主管; in manual b it is a real
  // job, and manual a, read first, has a 环境主管.
  TempDir dir;
  writeFile(dir / "a/index.md", md({"# 甲手册"}));
  writeFile(dir / "a/01-环境部.md", md({"# 第一章 环境部岗位职责", "", "## 1.1 环境主管", "",
                                        "### 1.1.1 考核标准", "", "1. 绿化养护合格率95%以上。"}));
  writeFile(dir / "b/index.md", md({"# 乙手册"}));
  writeFile(dir / "b/01-环境部.md",
            md({"# 第一章 环境部岗位职责", "", "## 1.1 保洁主管", "", "### 1.1.1 考核标准", "",
                "1. 公共区域保洁合格率95%以上。"}));
  const SearchResult result = searchManualsIn(dir, "保洁主管的考核标准");
  REQUIRE(result.answers.size() == 1);
  CHECK(result.answers[0].position->canonical() == "保洁主管");
}

// BM25 alone ranks the clause with the question's rarest word first; the clause that has
// more of the question is better evidence.
TEST_CASE("a clause with more of the question's words outranks one with a single rarer word") {
  TempDir dir;
  writeManual(
      dir, "01-环境部.md",
      {"# 第一章 环境部岗位职责", "", "## 1.1 绿化工", "", "### 1.1.1 主要职责", "",
       "1. 给花坛浇水、施肥，修剪花坛边缘的杂草，清理落叶和垃圾。", "2. 花坛除草。",
       "3. 按季节施肥。", "4. 浇水前检查水管。", "5. 施肥后记录。", "6. 花坛补种。",
       "7. 登记浇水时间。", "", "## 1.2 水工", "", "### 1.2.1 主要职责", "", "1. 清洗喷泉。"});
  const std::string question = "花坛浇水施肥喷泉谁管";
  SearchTuning bm25Only;
  bm25Only.coverage = 0;
  const SearchResult without = searchManualsIn(dir, question, bm25Only);
  REQUIRE_FALSE(without.hits.empty());
  CHECK(without.hits.front().clause->text == "清洗喷泉。");
  const SearchResult with = searchManualsIn(dir, question);
  REQUIRE_FALSE(with.hits.empty());
  CHECK(with.hits.front().clause->text.starts_with("给花坛浇水"));
}

TEST_CASE("answers close in score are called contenders; a clear first answer stands alone") {
  TempDir dir;
  writeDepartment(dir, "工程部",
                  {{"给排水工", {"每季度清洗二次供水水箱一次。", "巡查水泵房。"}},
                   {"综合维修工", {"配合清洗二次供水水箱。", "更换楼道灯泡。"}}});
  const SearchResult close = searchManualsIn(dir, "水箱谁清洗");
  REQUIRE(close.answers.size() == 2);
  CHECK(close.contenders == 2);
  const SearchResult clear = searchManualsIn(dir, "楼道灯泡坏了");
  REQUIRE_FALSE(clear.answers.empty());
  CHECK(topPosition(clear) == "综合维修工");
  CHECK(clear.contenders == 1);
  // Listing a named position's duties ranks no rivals.
  const SearchResult listed = searchManualsIn(dir, "给排水工做什么");
  REQUIRE_FALSE(listed.answers.empty());
  CHECK(listed.contenders == 1);
  CHECK(searchManualsIn(dir, "量子力学").contenders == 0);
}

TEST_CASE(
    "who decides (拍板, 说了算) is asked of the clause that approves, not of the one doing it") {
  TempDir dir;
  writeDepartment(dir, "客户服务部",
                  {{"装修管理员", {"受理业主的装修申请，核对装修图纸。"}},
                   {"客服主管", {"审批装修申请，签发装修许可证。"}}});
  for (const char* question : {"装修申请谁拍板", "装修申请最后谁说了算"}) {
    CAPTURE(question);
    const SearchResult result = searchManualsIn(dir, question);
    REQUIRE_FALSE(result.answers.empty());
    CHECK(topPosition(result) == "客服主管");
  }
}

TEST_CASE("a word typed wrong with a pinyin input method still finds the word meant") {
  TempDir dir;
  writeDepartment(dir, "工程部",
                  {{"给排水工", {"每季度清洗二次供水水箱。"}},
                   {"绿化工", {"每周清洗水景池的水泵，给水池补水。"}}});
  // 水相 for 水箱: ICU splits it into 水|相, which sound like 水箱 together.
  const SearchResult result = searchManualsIn(dir, "水相多久清洗");
  REQUIRE_FALSE(result.hits.empty());
  CHECK(result.hits.front().clause->text == "每季度清洗二次供水水箱。");
  // 水箱 is marked (inside a mark that may also hold the neighbouring matches).
  const std::string& snippet = result.hits.front().snippet;
  CAPTURE(snippet);
  const size_t at = snippet.find("水箱");
  REQUIRE(at != std::string::npos);
  const size_t opened = snippet.rfind("<mark>", at);
  const size_t closed = snippet.rfind("</mark>", at);
  CHECK(opened != std::string::npos);
  CHECK((closed == std::string::npos || closed < opened));
  CHECK(topPosition(result) == "给排水工");
  REQUIRE(result.soundAlikes.size() == 1);
  CHECK(result.soundAlikes[0].typed == "水相");
  CHECK(result.soundAlikes[0].words == std::vector<std::string>{"水箱"});
  // A word in its own right is what the asker meant: 每个 is not read as 每隔.
  CHECK(searchManualsIn(dir, "每个水池多久清洗").soundAlikes.empty());
}

TEST_CASE("a word no clause has is also searched, lightly, as the word it sounds like") {
  TempDir dir;
  writeDepartment(
      dir, "环境部",
      {{"消杀员", {"接到鼠害反映后24小时内到场处理。"}}, {"绿化工", {"修剪小区里的树木。"}}});
  // 老树 (an old tree) for 老鼠: a slip that is itself a word, so it is not reported.
  const SearchResult result = searchManualsIn(dir, "楼道里好多老树");
  REQUIRE_FALSE(result.answers.empty());
  CHECK(topPosition(result) == "消杀员");
  CHECK(result.soundAlikes.empty());
  SearchTuning off;
  off.soundAlikeWord = 0;
  CHECK(searchManualsIn(dir, "楼道里好多老树", off).answers.empty());
}

// 装修吵 is no word of the clauses: it reaches them through 扰民, 装修 and 施工时间. 装修 is in
// most clauses; the one with 扰民 is the one meant.
TEST_CASE("the telling alternative of a word no clause has counts more than a common one") {
  TempDir dir;
  writeDepartment(dir, "综合部",
                  {{"档案员", {"整理装修档案、装修图纸和装修协议。", "装修资料按房号归档。"}},
                   {"前台", {"接到扰民投诉后到现场核查。", "发放装修申请表。"}},
                   {"收费员", {"收取装修押金。", "退还装修押金。"}},
                   {"门岗", {"查验装修人员出入证。", "装修材料进场登记。"}}});
  CHECK(topPosition(searchManualsIn(dir, "装修吵")) == "前台");
  SearchTuning off;
  off.alternativeTerms = 0;
  CHECK(topPosition(searchManualsIn(dir, "装修吵", off)) == "档案员");
}

// The asker says who they are and asks about their own next step: their position's clause is
// the better evidence, not that of the position that is only part of the scene.
TEST_CASE("an asker's position weighs more for their own work and less for others'") {
  TempDir dir;
  writeDepartment(dir, "秩序维护部",
                  {{"门岗值班员", {"发现发烧的人员，请其在等候区等候，并报告监控中心。"}},
                   {"监控中心值班员", {"接到门岗报告的发烧人员情况后，报告客服主管。"}}});
  const auto isGate = [](const Hit& hit) {
    return hit.manual->positionOf(*hit.clause)->canonical() == "门岗值班员";
  };
  SearchTuning flat;
  flat.askerOwnWork = 1;
  flat.askerOtherWork = 1;
  const std::string own = "我在监控室 门岗说有个发烧的人在等候区 我接下来报给谁";
  CHECK(priorFactor(dir, own, flat, isGate) == doctest::Approx(1 / SearchTuning{}.askerOwnWork));
  // 谁来管 asks whose work it is: seldom the asker's own.
  CHECK(priorFactor(dir, "我在监控室 门岗说有个发烧的人在等候区 谁来管", flat, isGate) ==
        doctest::Approx(1 / SearchTuning{}.askerOtherWork));
}

// 我是前台 says who asks: a clause that mentions 前台 is no answer for that.
TEST_CASE("the words saying who the asker is do not search") {
  TempDir dir;
  writeDepartment(dir, "工程部",
                  {{"前台", {"前台接待来访人员。"}}, {"维修工", {"负责户内开关、插座的更换。"}}});
  const SearchResult result = searchManualsIn(dir, "我是前台 开关坏了派给哪个师傅");
  REQUIRE(result.hits.size() == 1);
  CHECK(result.hits.front().manual->positionOf(*result.hits.front().clause)->canonical() ==
        "维修工");
}

// "大门几点开门" asks for a time: a clause that gives none is weaker evidence than one that
// does.
TEST_CASE("a question asking an amount weighs clauses that state none less") {
  TempDir dir;
  writeDepartment(dir, "秩序维护部",
                  {{"门岗值班员", {"大门开门前检查门禁，开门后登记。"}},
                   {"巡逻员", {"巡逻后，大门每天6时开门。"}}});
  const auto statesNone = [](const Hit& hit) { return hit.clause->text.starts_with("大门开门前"); };
  SearchTuning anyClause;
  anyClause.noAmountPrior = 1;
  CHECK(priorFactor(dir, "大门几点开门", anyClause, statesNone) ==
        doctest::Approx(SearchTuning{}.noAmountPrior));
}

// "电梯坏了" asks nothing in words, but whoever deals with it is what the asker wants; a general
// rule names no one. A question asking an amount is answered by a rule as well as by a duty.
TEST_CASE("a general clause weighs less for a who question and a bare statement alike") {
  TempDir dir;
  writeManual(dir, "02-工程部.md",
              {"# 第二章 工程部岗位职责", "", "## 2.1 电梯管理员", "", "### 2.1.1 主要职责", "",
               "1. 电梯故障时通知维保单位到场。"});
  writeFile(dir / "m/01-总则.md",
            md({"# 第一章 总则", "", "## 1.1 设备管理", "", "1. 电梯故障每年统计一次。"}));
  const auto isGeneral = [](const Hit& hit) { return !hit.manual->positionOf(*hit.clause); };
  SearchTuning flat;
  flat.generalClausePrior = 1;
  for (const std::string query : {"电梯故障", "电梯故障找谁"}) {
    CAPTURE(query);
    CHECK(priorFactor(dir, query, flat, isGeneral) ==
          doctest::Approx(SearchTuning{}.generalClausePrior));
  }
  CHECK(priorFactor(dir, "电梯故障多久统计一次", flat, isGeneral) == doctest::Approx(1.0));
}

// "楼道里好多老鼠" is about rats; 楼道 only says where they are.
TEST_CASE("a word naming where something is counts less than what is there") {
  TempDir dir;
  writeDepartment(dir, "环境部",
                  {{"保洁员", {"每日清扫楼道。"}}, {"消杀员", {"每月投放老鼠药。"}}});
  const auto isPlace = [](const Hit& hit) { return hit.clause->text == "每日清扫楼道。"; };
  SearchTuning flat;
  flat.placeWord = 1;
  CHECK(priorFactor(dir, "楼道里好多老鼠", flat, isPlace) < 1);
}

// "工资打到卡上": 卡 alone could be any card; the character layer finds it in 物料卡 too.
TEST_CASE("a lone character the word lists give no meaning to counts less") {
  TempDir dir;
  writeDepartment(dir, "财务部",
                  {{"出纳", {"按月发放工资。"}}, {"仓库管理员", {"物料入库后填写物料卡。"}}});
  const auto isLone = [](const Hit& hit) { return hit.clause->text.starts_with("物料"); };
  SearchTuning flat;
  flat.loneCharacter = 1;
  CHECK(priorFactor(dir, "工资打到卡上", flat, isLone) < 1);
}

// One position's many near-identical clauses must not fill the list: it shows at most three
// of them, and the next position comes into view.
TEST_CASE("hits show at most three clauses of a position the question does not name") {
  TempDir dir;
  writeDepartment(dir, "秩序维护部",
                  {{"巡逻员",
                    {"白天巡逻楼道。", "夜间巡逻车库。", "巡逻时检查消防通道。",
                     "巡逻时检查单元门。", "巡逻后填写记录。", "雨天加强巡逻。"}},
                   {"领班", {"安排巡逻路线。"}}});
  const SearchResult result = searchManualsIn(dir, "巡逻");
  size_t patrol = 0;
  bool leaderShown = false;
  for (const Hit& hit : result.hits) {
    const std::string name = hit.manual->positionOf(*hit.clause)->canonical();
    patrol += name == "巡逻员";
    leaderShown = leaderShown || name == "领班";
  }
  CHECK(patrol == 3);
  CHECK(leaderShown);
}

// "谁负责巡逻": the overview paragraph says so too, but the numbered duty is the clause to cite.
TEST_CASE("a position's overview paragraph weighs less than its numbered duties") {
  TempDir dir;
  writeManual(dir, "01-秩序维护部.md",
              {"# 第一章 秩序维护部岗位职责", "", "## 1.1 巡逻员", "", "### 1.1.1 岗位概述", "",
               "巡逻员负责小区巡逻。", "", "### 1.1.2 主要职责", "", "1. 每两小时巡逻一次。"});
  const auto isOverview = [](const Hit& hit) {
    return hit.clause->address.kind == ClauseAddress::Kind::kParagraph;
  };
  SearchTuning flat;
  flat.overviewPrior = 1;
  CHECK(priorFactor(dir, "谁负责巡逻", flat, isOverview) ==
        doctest::Approx(SearchTuning{}.overviewPrior));
}

// "谁负责楼道消杀" asks who does the work, which a supervisor seldom does; "楼道消杀谁批准" asks
// for a decision, which is a supervisor's.
TEST_CASE("a leader weighs less for who does the work and more for who approves it") {
  TempDir dir;
  writeManual(dir, "01-环境部.md",
              {"# 第一章 环境部岗位职责", "", "## 1.1 环境主管", "", "- 直接下级:消杀员", "",
               "### 1.1.1 主要职责", "", "1. 批准楼道消杀计划。", "", "## 1.2 消杀员", "",
               "- 直接上级:环境主管", "", "### 1.2.1 主要职责", "", "1. 按计划实施楼道消杀。"});
  const auto isLeader = [](const Hit& hit) {
    return hit.manual->positionOf(*hit.clause)->canonical() == "环境主管";
  };
  SearchTuning flat;
  flat.leaderPrior = 1;
  flat.leaderAskedToOversee = 1;
  CHECK(priorFactor(dir, "谁负责楼道消杀", flat, isLeader) ==
        doctest::Approx(SearchTuning{}.leaderPrior));
  CHECK(priorFactor(dir, "楼道消杀谁批准", flat, isLeader) ==
        doctest::Approx(SearchTuning{}.leaderAskedToOversee));
}

TEST_CASE("a question that matches nothing returns an empty result") {
  for (const std::string query : {"量子纠缠", "zzzz", "？？？", "   ", ""}) {
    CAPTURE(query);
    const SearchResult result = search(query);
    CHECK(result.hits.empty());
    CHECK(result.answers.empty());
    CHECK(result.total == 0);
  }
}

// A word the index lacks falls back to its characters, but they only weigh in: 量子力学 must
// not find a clause because it has 量 and 学.
TEST_CASE("characters of a word the index lacks never match on their own") {
  TempDir dir;
  writeDepartment(dir, "综合部",
                  {{"培训专员", {"登记学员的考试分数和力量测试结果。", "燃气泄漏演练后讲评。"}}});
  const SearchResult nothing = searchManualsIn(dir, "量子力学");
  CHECK(nothing.hits.empty());
  CHECK(nothing.total == 0);
  // With a word the index has, they help: 漏了 (one word to ICU) is there as 漏.
  const SearchResult gas = searchManualsIn(dir, "燃气漏了");
  REQUIRE_FALSE(gas.hits.empty());
  CHECK(gas.hits.front().clause->text.starts_with("燃气泄漏"));
}

TEST_CASE("manual filter and limit") {
  const SearchResult onlyEmergency = search("秩序维护员 电梯", std::string("jinji"));
  REQUIRE_FALSE(onlyEmergency.hits.empty());
  for (const Hit& hit : onlyEmergency.hits) CHECK(hit.manual->id == "jinji");
  CHECK(search("业主", std::nullopt, 1).hits.size() == 1);
}

TEST_CASE("an emergency word reaches its chapter") {
  const SearchResult result = search("有人困在电梯里", std::string("jinji"));
  REQUIRE_FALSE(result.hits.empty());
  CHECK(result.hits.front().manual->chapterOf(*result.hits.front().clause)->heading.title ==
        "电梯困人");
}

TEST_CASE("a question naming an event points to the section that sums up its handling") {
  const SearchResult result = search("有人困在电梯里，谁去现场");
  REQUIRE(result.events.size() == 1);
  CHECK(result.events[0].manual->id == "jinji");
  CHECK(result.events[0].chapter->heading.title == "电梯困人");
  CHECK(result.events[0].keyPoints->heading.number == "1.1");
  CHECK(search("谁负责催缴物业费").events.empty());
  CHECK(search("有人困在电梯里", std::string("xiaoqu")).events.empty());
}

TEST_CASE("snippets mark matches, also through synonyms and Traditional characters") {
  const auto snippetOf = [](const SearchResult& result, const std::string& address) {
    for (const Hit& hit : result.hits) {
      if (hit.clause->address.str() == address) return hit.snippet;
    }
    return std::string("(no hit " + address + ")");
  };
  CHECK(snippetOf(search("谁负责催缴物业费"), "2.3.1.2") ==
        "每月整理欠费清单，电话<mark>催缴</mark>拖欠<mark>物业服务费</mark>的业主。");
  CHECK(snippetOf(search("誰負責催繳物業費"), "2.3.1.2") ==
        "每月整理欠费清单，电话<mark>催缴</mark>拖欠<mark>物业服务费</mark>的业主。");
}

TEST_CASE("snippets escape clause text and questions cannot inject markup") {
  const SearchResult result = search("<script>alert(1)</script> 快递包裹");
  REQUIRE_FALSE(result.hits.empty());
  CHECK(result.hits.front().clause->address.str() == "2.2.2.4");
  const std::string& snippet = result.hits.front().snippet;
  CHECK(snippet.find("<script>") == std::string::npos);
  CHECK(snippet.find("&lt;<mark>script</mark>&gt;") != std::string::npos);
}

TEST_CASE("requests that cannot be searched are refused with a reason") {
  CHECK_THROWS_WITH_AS(search("\xff\xfe"), "the question is not valid UTF-8", QueryError);
  CHECK_THROWS_WITH_AS(search(std::string(kMaxQueryBytes + 1, 'a')),
                       "the question is too long (at most 600 bytes)", QueryError);
  CHECK_THROWS_WITH_AS(search("业主", std::string("nope")), "no manual with id 'nope'", QueryError);
  CHECK_THROWS_WITH_AS(search("业主", std::nullopt, 0), "limit must be between 1 and 100",
                       QueryError);
}
