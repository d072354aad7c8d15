#include "runtime_explain.h"

#include <csignal>
#include <vector>

namespace judge {
namespace {

// Texts that identify one failure (any of them), and what it means. The
// first entry with a text in the output wins, so the specific ones come
// before the general ones. The texts are the assertions as Eigen 3.4 and
// glibc print them (the preprocessor folds an assertion's white space).
struct KnownText {
  std::vector<const char*> any_of;
  LocalText meaning;
};

const std::vector<KnownText>& known_texts() {
  static const std::vector<KnownText> texts = {
      {{"invalid matrix product"},
       {"An Eigen size mismatch in a product: for A * B the columns of A must equal the rows of "
        "B. Check each product's shapes (a missing .transpose()?); for element by element, use "
        "cwiseProduct.",
        "Eigen 矩阵乘法的尺寸不匹配：A * B 要求 A 的列数等于 B 的行数。检查每个乘积的形状"
        "（是不是少了 .transpose()？）；逐元素相乘请用 cwiseProduct。"}},
      {{"aLhs.rows() == aRhs.rows() && aLhs.cols() == aRhs.cols()"},
       {"An Eigen size mismatch in an element-wise operation (+, -, cwiseProduct, array "
        "arithmetic): both sides must have the same rows and columns. Broadcast a row or column "
        "explicitly with .rowwise() or .colwise(), or .replicate().",
        "Eigen 逐元素运算（+、-、cwiseProduct、array 运算）的尺寸不匹配：两边的行数和列数必须相同。"
        "要把一行或一列推广到整个矩阵，请显式使用 .rowwise()、.colwise() 或 .replicate()。"}},
      {{"size() == other.size()"},
       {"An Eigen size mismatch in a dot product or a vector operation: both vectors must have "
        "the same length.",
        "Eigen 点积或向量运算的尺寸不匹配：两个向量的长度必须相同。"}},
      {{"does not actually allow"},
       {"An assignment of the wrong size into a block, row, column or map: these views cannot "
        "be resized, so the right-hand side must already have their shape.",
        "向块、行、列或 Map 赋值时尺寸不对：这些视图不能改变大小，右边的形状必须与它们完全一致。"}},
      {{"dst.rows() == src.rows() && dst.cols() == src.cols()",
        "dst.rows() == dstRows && dst.cols() == dstCols"},
       {"An assignment, += or -= between values of different shapes, where the left side cannot "
        "be resized (a block, a row, a column, or a compound assignment): make the shapes agree.",
        "赋值、+= 或 -= 两边的形状不同，而左边又不能改变大小（块、行、列，或复合赋值）："
        "让两边的形状一致。"}},
      {{"you are using an empty matrix"},
       {"maxCoeff, minCoeff or another reduction on an empty matrix or vector: handle zero rows "
        "or zero columns before reducing.",
        "对空矩阵或空向量做了 maxCoeff、minCoeff 等归约：归约之前先处理零行或零列的情况。"}},
      {{"Invalid sizes when resizing"},
       {"A matrix or vector was made with a negative size: check the size expression (a "
        "difference that went below zero?).",
        "创建或调整矩阵、向量时用了负的尺寸：检查尺寸表达式（是不是某个差值变成了负数？）。"}},
      {{"startRow >= 0 &&"},
       {"A block, segment, head, tail, middleRows or middleCols reaches outside the matrix: "
        "its start plus its length must stay within the rows and columns.",
        "block、segment、head、tail、middleRows 或 middleCols 超出了矩阵范围：起点加长度必须落在"
        "行数和列数之内。"}},
      {{"(i>=0) && ("},
       {"row(i) or col(i) with an index outside the matrix: rows go from 0 to rows() - 1, "
        "columns from 0 to cols() - 1.",
        "row(i) 或 col(i) 的下标超出了矩阵范围：行号从 0 到 rows() - 1，列号从 0 到 cols() - 1。"}},
      {{"index >= 0 && index < size()"},
       {"An index out of range: Eigen's bounds check caught v(i) or v[i] with i outside 0 .. "
        "size() - 1 (an off-by-one at the end of a loop?).",
        "下标越界：Eigen 的边界检查发现 v(i) 或 v[i] 的 i 不在 0 .. size() - 1 之内"
        "（循环末尾差了一？）。"}},
      {{"row >= 0 && row < rows() && col >= 0 && col < cols()"},
       {"An index out of range: Eigen's bounds check caught m(i, j) outside the matrix (rows "
        "and columns swapped, or an off-by-one?).",
        "下标越界：Eigen 的边界检查发现 m(i, j) 落在矩阵之外（行列弄反了，还是差了一？）。"}},
      {{"std::out_of_range"},
       {"std::out_of_range escaped the call: an .at(i) on a std::vector or std::string with i "
        "past its end.",
        "std::out_of_range 没有被捕获：对 std::vector 或 std::string 调用 .at(i) 时 i "
        "越过了末尾。"}},
      {{"std::length_error"},
       {"std::length_error: a container was asked for an impossible size, most often a negative "
        "number turned into a huge unsigned one.",
        "std::length_error：向容器申请了不可能的大小，最常见的是负数被转换成了巨大的无符号数。"}},
      {{"stack smashing detected"},
       {"A write past the end of a local array overwrote the stack: check the bounds of every "
        "fixed-size array you fill.",
        "写越过了局部数组的末尾，破坏了栈：检查每个定长数组写入时的边界。"}},
      {{"free(): ", "double free", "corrupted"},
       {"The heap was corrupted (a write past the end of an allocation, or a double delete): "
        "check the bounds of raw arrays and pointer arithmetic.",
        "堆被破坏了（写越过了分配的内存末尾，或重复 delete）：检查裸数组和指针运算的边界。"}},
  };
  return texts;
}

LocalText by_signal(int signal) {
  switch (signal) {
    case SIGSEGV:
    case SIGBUS:
      return {
          "A segmentation fault: the program read or wrote memory it does not own (an index "
          "past the end of a raw array or std::vector's [], a reference to a temporary that "
          "is gone, or recursion too deep).",
          "段错误：程序读写了不属于它的内存（裸数组或 std::vector 的 [] 越界、引用了已经销毁的"
          "临时对象，或递归太深）。"};
    case SIGFPE:
      return {
          "An arithmetic exception: an integer division or modulo by zero (floating-point "
          "division by zero gives inf, not this).",
          "算术异常：整数除以零或对零取模（浮点数除以零得到 inf，不会这样）。"};
    case SIGILL:
      return {
          "An illegal instruction, most often a function that should return a value but "
          "reaches its end without a return statement (the compiler marks that path "
          "unreachable).",
          "非法指令：最常见的原因是一个应当返回值的函数走到末尾却没有 return 语句"
          "（编译器把这条路径当作不可达）。"};
    case SIGABRT:
      return {
          "The program aborted: an assert failed, or an exception escaped where it could "
          "not be caught (a destructor, or a thread). The text below says which.",
          "程序中止了：某个 assert 失败，或者异常在无法捕获的地方抛出（析构函数或线程中）。"
          "下面的原始输出说明了是哪一种。"};
    default:
      return {};
  }
}

}  // namespace

LocalText explain_runtime_error(const std::string& output, int signal) {
  for (const KnownText& known : known_texts()) {
    for (const char* text : known.any_of)
      if (output.find(text) != std::string::npos) return known.meaning;
  }
  return by_signal(signal);
}

}  // namespace judge
