// Chinese names in katakana: Japanese writes a Mandarin name by the sound of each syllable
// (マ・シャオホン Ma Xiaohong, ルオ・チュワンシュー Luo Chuanxu), and Hepburn reads those kana as
// Japanese syllables ("ma shaohon", "ruo chuwanshu"), which no list writes. Read as the pinyin
// syllables they stand for, they meet the list's spelling.
#include <string>
#include <vector>

#include "text/kana_cover.hpp"
#include "text/text_internal.hpp"

namespace sekisho::text::detail {

namespace {

struct Syllable {
  std::u32string_view kana;
  std::string_view pinyin;
};

// How Japanese usually writes the Mandarin syllables, each with the pinyin it most often stands
// for: ン closes -n and -ng alike (ホン hong, ジン jin), シ/ジ/チ before a vowel write x/j/q as well
// as sh/zh/ch. A syllable that two readings share keeps the commoner one; the comparer's typo
// budget meets the other (jin / jing).
constexpr Syllable kSyllables[] = {
    {U"シャオ", "xiao"},  {U"シャン", "xiang"},   {U"シュー", "xu"},      {U"シュ", "xu"},      {U"シン", "xin"},
    {U"シー", "xi"},      {U"ション", "xiong"},   {U"シェン", "shen"},    {U"シャ", "xia"},     {U"シエ", "xie"},
    {U"ジャオ", "jiao"},  {U"ジャン", "jiang"},   {U"ジン", "jin"},       {U"ジョン", "zhong"}, {U"ジョウ", "zhou"},
    {U"ヂョウ", "zhou"},  {U"ジー", "ji"},        {U"ジュン", "jun"},     {U"ジエ", "jie"},     {U"ジェ", "jie"},
    {U"ジア", "jia"},     {U"ジャ", "jia"},       {U"ジュ", "ju"},        {U"チン", "qing"},    {U"チェン", "chen"},
    {U"チャン", "chang"}, {U"チュワン", "chuan"}, {U"チュアン", "chuan"}, {U"チャオ", "chao"},  {U"チー", "qi"},
    {U"チョン", "chong"}, {U"チュー", "chu"},     {U"ホン", "hong"},      {U"ホァー", "hua"},   {U"ホァ", "hua"},
    {U"ホア", "hua"},     {U"ファ", "hua"},       {U"フイ", "hui"},       {U"フー", "hu"},      {U"ハイ", "hai"},
    {U"ハン", "han"},     {U"ホー", "he"},        {U"ドン", "dong"},      {U"ダン", "dan"},     {U"タオ", "tao"},
    {U"ダオ", "dao"},     {U"タン", "tang"},      {U"ティエン", "tian"},  {U"デン", "deng"},    {U"ミン", "ming"},
    {U"マオ", "mao"},     {U"マー", "ma"},        {U"マ", "ma"},          {U"メイ", "mei"},     {U"ルオ", "luo"},
    {U"リー", "li"},      {U"リウ", "liu"},       {U"リン", "lin"},       {U"ルー", "lu"},      {U"ロン", "long"},
    {U"ウー", "wu"},      {U"ワン", "wang"},      {U"ウェイ", "wei"},     {U"ウェン", "wen"},   {U"ゾウ", "zou"},
    {U"ツァイ", "cai"},   {U"ヤン", "yang"},      {U"ユー", "yu"},        {U"ユン", "yun"},     {U"イー", "yi"},
    {U"イン", "ying"},    {U"ガオ", "gao"},       {U"グオ", "guo"},       {U"コン", "kong"},    {U"ゴン", "gong"},
    {U"カイ", "kai"},     {U"ペン", "peng"},      {U"バイ", "bai"},       {U"ビン", "bin"},     {U"ニン", "ning"},
    {U"スン", "sun"},     {U"ソン", "song"},      {U"ファン", "fang"},    {U"フォン", "feng"},  {U"ジュー", "zhu"},
    {U"ジャー", "jia"},
};

}  // namespace

std::string katakana_chinese_reading(std::string_view run) {
  const std::vector<std::u32string> words = u32_words(run);
  // A Chinese person's name: a one-syllable surname and a given name of one or two syllables.
  if (words.size() != 2) return "";
  const std::vector<const Syllable*> surname = cover_with<Syllable>(words[0], kSyllables);
  const std::vector<const Syllable*> given = cover_with<Syllable>(words[1], kSyllables);
  if (surname.size() != 1 || given.empty() || given.size() > 2) return "";
  std::string out(surname.front()->pinyin);
  out += ' ';
  for (const Syllable* s : given) out += s->pinyin;  // the lists join a given name's syllables
  return out;
}

}  // namespace sekisho::text::detail
